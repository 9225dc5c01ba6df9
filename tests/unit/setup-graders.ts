// Unit tests play every kind of scenario without loading graders first, as Node scripts do.
import '../../src/lib/engine/interactions/all';
