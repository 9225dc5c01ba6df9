/**
 * The xAPI 1.0.3 rules for a statement, written from the specification (xAPI-Data.md, part two,
 * sections 2.2 "Formatting requirements", 2.4 "Statement properties" and 4 "Special data types"),
 * not from the app's statement builder, so the tests check one against the other.
 * Plain JavaScript so the stand-in LRS runs with plain Node.
 */

const STATEMENT_KEYS = ['id', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'stored', 'authority', 'version', 'attachments'];
const SUBSTATEMENT_KEYS = ['objectType', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'attachments'];
const INTERACTION_TYPES = ['true-false', 'choice', 'fill-in', 'long-fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric', 'other'];
/** 2.4.4.1 "Interaction components": the component lists each interaction type may carry. */
const COMPONENT_LISTS = {
	choice: ['choices'],
	sequencing: ['choices'],
	likert: ['scale'],
	matching: ['source', 'target'],
	performance: ['steps']
};
const ALL_COMPONENT_LISTS = ['choices', 'scale', 'source', 'target', 'steps'];

/** @typedef {Record<string, unknown>} Obj */
class Invalid extends Error {}

/** @param {string} path @param {string} message @returns {never} */
function fail(path, message) {
	throw new Invalid(`${path}: ${message}`);
}
/** @param {unknown} v @returns {v is Obj} */
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

/** @param {unknown} v @param {string} path @returns {Obj} */
function object(v, path) {
	if (!isObject(v)) fail(path, 'must be a JSON object');
	return v;
}
/** @param {Obj} o @param {string[]} allowed @param {string} path */
function onlyKeys(o, allowed, path) {
	for (const k of Object.keys(o)) if (!allowed.includes(k)) fail(`${path}.${k}`, `is not a property the specification allows here (allowed: ${allowed.join(', ')})`);
}
/** @param {unknown} v @param {string} path @returns {string} */
function string(v, path) {
	if (typeof v !== 'string') fail(path, 'must be a string');
	return v;
}
/** @param {unknown} v @param {string} path @returns {number} */
function number(v, path) {
	if (typeof v !== 'number' || !Number.isFinite(v)) fail(path, 'must be a number (not a string)');
	return v;
}
/** @param {unknown} v @param {string} path */
function boolean(v, path) {
	if (typeof v !== 'boolean') fail(path, 'must be true or false (not a string)');
}

/** 4.4: standard string form; 2.4.1: "all versions of variant 2 in RFC 4122" (versions 1 to 5, variant bits 10). */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
/** @param {unknown} v @param {string} path */
function uuid(v, path) {
	if (!UUID.test(string(v, path))) fail(path, `must be a UUID in standard form, RFC 4122 variant (got ${JSON.stringify(v)})`);
}

/** 2.2: an IRI needs a scheme; no white space. */
/** @param {unknown} v @param {string} path */
function iri(v, path) {
	const s = string(v, path);
	if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]+$/.test(s)) fail(path, `must be an IRI with a scheme (got ${JSON.stringify(s)})`);
}
/** An IRL: an IRI that can be looked up. */
/** @param {unknown} v @param {string} path */
function irl(v, path) {
	iri(v, path);
	try {
		new URL(/** @type {string} */ (v));
	} catch {
		fail(path, 'must be a resolvable address (IRL)');
	}
}

/** RFC 5646 language tag, checked for its sequence of subtag lengths (2.2.s4.b2): language, extlang, script, region, variants, extensions, private use. */
const LANGUAGE_TAG = /^(?:(?:[a-zA-Z]{2,3}(?:-[a-zA-Z]{3}){0,3}|[a-zA-Z]{4,8})(?:-[a-zA-Z]{4})?(?:-(?:[a-zA-Z]{2}|\d{3}))?(?:-(?:[a-zA-Z0-9]{5,8}|\d[a-zA-Z0-9]{3}))*(?:-[0-9a-wyzA-WYZ](?:-[a-zA-Z0-9]{2,8})+)*(?:-x(?:-[a-zA-Z0-9]{1,8})+)?|x(?:-[a-zA-Z0-9]{1,8})+)$/;
/** @param {string} tag */
export const isLanguageTag = (tag) => LANGUAGE_TAG.test(tag);

/** 4.2: a language map: RFC 5646 tags to strings. */
/** @param {unknown} v @param {string} path */
function languageMap(v, path) {
	const o = object(v, path);
	for (const [tag, text] of Object.entries(o)) {
		if (!isLanguageTag(tag)) fail(`${path}`, `${JSON.stringify(tag)} is not an RFC 5646 language tag`);
		string(text, `${path}.${tag}`);
	}
}

/** 4.1: extension keys are IRIs; values are anything (nulls included). */
/** @param {unknown} v @param {string} path */
function extensions(v, path) {
	for (const k of Object.keys(object(v, path))) iri(k, `${path} key ${JSON.stringify(k)}`);
}

/** 4.5: ISO 8601 combined date and time (RFC 3339 profile), with a valid date. */
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;
/** @param {unknown} v @param {string} path */
function timestamp(v, path) {
	const s = string(v, path);
	const m = TIMESTAMP.exec(s);
	if (!m) fail(path, `must be an ISO 8601 timestamp (got ${JSON.stringify(s)})`);
	const [y, mo, d, h, mi, sec] = m.slice(1, 7).map((x) => Number(x ?? 0));
	const date = new Date(Date.UTC(/** @type {number} */ (y), /** @type {number} */ (mo) - 1, d));
	if (date.getUTCMonth() !== /** @type {number} */ (mo) - 1 || date.getUTCDate() !== d || /** @type {number} */ (h) > 23 || /** @type {number} */ (mi) > 59 || /** @type {number} */ (sec) > 60)
		fail(path, `is not a real date and time (${JSON.stringify(s)})`);
	// 4.5.s1.b6 and "-00:00" aside, a time zone offset must be a real one.
	if (m[7] && m[7] !== 'Z' && Number(m[7].slice(1, 3)) > 23) fail(path, 'has an impossible time zone offset');
}

/**
 * 4.6: ISO 8601:2004 4.4.3.2 durations (PnYnMnDTnHnMnS, or PnW on its own); the alternative format
 * (4.4.3.3) is not allowed. Only the last component may have a fraction.
 */
const DURATION = /^P(?=\d|T\d)(?:\d+(?:\.\d+)?Y)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?D)?(?:T(?=\d)(?:\d+(?:\.\d+)?H)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?S)?)?$|^P\d+(?:\.\d+)?W$/;
/** @param {string} s */
export function isDuration(s) {
	if (!DURATION.test(s)) return false;
	// A fraction only on the smallest component given.
	const parts = s.match(/\d+(?:\.\d+)?[YMWDHS]/g) ?? [];
	return parts.slice(0, -1).every((p) => !p.includes('.'));
}

const IFIS = ['mbox', 'mbox_sha1sum', 'openid', 'account'];

/** 2.4.2.3 and 2.4.2.4: one inverse functional identifier, well formed. */
/** @param {Obj} o @param {string} path @returns {number} how many identifiers it has */
function identifiers(o, path) {
	const present = IFIS.filter((k) => k in o);
	if (present.length > 1) fail(path, `has more than one identifier (${present.join(', ')})`);
	if ('mbox' in o && !/^mailto:[^@\s]+@[^@\s]+$/.test(string(o.mbox, `${path}.mbox`))) fail(`${path}.mbox`, 'must be a mailto IRI (mailto:someone@example.org)');
	if ('mbox_sha1sum' in o && !/^[0-9a-f]{40}$/i.test(string(o.mbox_sha1sum, `${path}.mbox_sha1sum`))) fail(`${path}.mbox_sha1sum`, 'must be the hex SHA-1 of a mailto IRI');
	if ('openid' in o) iri(o.openid, `${path}.openid`);
	if ('account' in o) {
		const a = object(o.account, `${path}.account`);
		onlyKeys(a, ['homePage', 'name'], `${path}.account`);
		if (!('homePage' in a)) fail(`${path}.account`, 'needs a homePage');
		if (!('name' in a)) fail(`${path}.account`, 'needs a name');
		irl(a.homePage, `${path}.account.homePage`);
		if (!string(a.name, `${path}.account.name`)) fail(`${path}.account.name`, 'must not be empty');
	}
	return present.length;
}

/** @param {unknown} v @param {string} path @param {{ objectTypeRequired?: boolean }} [opts] */
function agent(v, path, opts = {}) {
	const o = object(v, path);
	onlyKeys(o, ['objectType', 'name', ...IFIS], path);
	if ('objectType' in o && o.objectType !== 'Agent') fail(`${path}.objectType`, 'must be "Agent"');
	if (opts.objectTypeRequired && !('objectType' in o)) fail(path, 'needs "objectType": "Agent" when it is the object of a statement');
	if ('name' in o) string(o.name, `${path}.name`);
	if (identifiers(o, path) !== 1) fail(path, 'must be identified by exactly one of mbox, mbox_sha1sum, openid or account');
}

/** @param {unknown} v @param {string} path */
function group(v, path) {
	const o = object(v, path);
	onlyKeys(o, ['objectType', 'name', 'member', ...IFIS], path);
	if (o.objectType !== 'Group') fail(`${path}.objectType`, 'must be "Group"');
	if ('name' in o) string(o.name, `${path}.name`);
	const ifis = identifiers(o, path);
	if ('member' in o) {
		if (!Array.isArray(o.member)) fail(`${path}.member`, 'must be an array of Agents');
		o.member.forEach((m, i) => agent(m, `${path}.member[${i}]`));
	} else if (ifis === 0) fail(path, 'an anonymous Group must list its members');
}

/** @param {unknown} v @param {string} path */
function actor(v, path) {
	const o = object(v, path);
	if (o.objectType === 'Group') group(o, path);
	else agent(o, path);
}

/** @param {unknown} v @param {string} path */
function verb(v, path) {
	const o = object(v, path);
	onlyKeys(o, ['id', 'display'], path);
	if (!('id' in o)) fail(path, 'needs an id');
	iri(o.id, `${path}.id`);
	if ('display' in o) languageMap(o.display, `${path}.display`);
}

/**
 * 2.4.4.1 "Response patterns": the form a response or a correct-response pattern takes for each
 * interaction type. Characterstring parameters ({case_matters=...}, {lang=...}) are not validated.
 */
/** @param {string} type @param {string} s @returns {string | undefined} the problem */
export function patternProblem(type, s) {
	const items = s === '' ? [] : s.split('[,]');
	const noSpace = (/** @type {string} */ id) => id !== '' && !/\s/.test(id);
	switch (type) {
		case 'true-false':
			return s === 'true' || s === 'false' ? undefined : 'must be true or false';
		case 'choice':
		case 'sequencing':
			return items.every(noSpace) ? undefined : 'must be item ids delimited by [,]';
		case 'likert':
			return noSpace(s) ? undefined : 'must be a single item id';
		case 'matching':
			return items.every((p) => p.split('[.]').length === 2 && p.split('[.]').every(noSpace)) ? undefined : 'must be source[.]target pairs delimited by [,]';
		case 'performance':
			return items.every((p) => p.split('[.]').length === 2 && noSpace(p.split('[.]')[0] ?? '')) ? undefined : 'must be step[.]response pairs delimited by [,]';
		case 'numeric':
			return /^-?\d+(?:\.\d+)?$/.test(s) || /^(?:-?\d+(?:\.\d+)?)?\[:\](?:-?\d+(?:\.\d+)?)?$/.test(s) ? undefined : 'must be a number or a min[:]max range';
		default:
			return undefined;
	}
}

/** @param {unknown} v @param {string} path */
function definition(v, path) {
	const d = object(v, path);
	onlyKeys(d, ['name', 'description', 'type', 'moreInfo', 'extensions', 'interactionType', 'correctResponsesPattern', ...ALL_COMPONENT_LISTS], path);
	if ('name' in d) languageMap(d.name, `${path}.name`);
	if ('description' in d) languageMap(d.description, `${path}.description`);
	if ('type' in d) iri(d.type, `${path}.type`);
	if ('moreInfo' in d) irl(d.moreInfo, `${path}.moreInfo`);
	if ('extensions' in d) extensions(d.extensions, `${path}.extensions`);
	const lists = ALL_COMPONENT_LISTS.filter((k) => k in d);
	if (!('interactionType' in d)) {
		if (lists.length || 'correctResponsesPattern' in d) fail(path, 'has interaction properties but no interactionType');
		return;
	}
	const type = string(d.interactionType, `${path}.interactionType`);
	if (!INTERACTION_TYPES.includes(type)) fail(`${path}.interactionType`, `must be one of ${INTERACTION_TYPES.join(', ')} (got ${JSON.stringify(type)})`);
	const allowed = /** @type {Record<string, string[]>} */ (COMPONENT_LISTS)[type] ?? [];
	for (const list of lists) {
		if (!allowed.includes(list)) fail(`${path}.${list}`, `is not allowed for interactionType ${type}${allowed.length ? ` (only ${allowed.join(', ')})` : ''}`);
		const comps = d[list];
		if (!Array.isArray(comps)) fail(`${path}.${list}`, 'must be an array of interaction components');
		const ids = new Set();
		comps.forEach((c, i) => {
			const o = object(c, `${path}.${list}[${i}]`);
			onlyKeys(o, ['id', 'description'], `${path}.${list}[${i}]`);
			if (!string(o.id, `${path}.${list}[${i}].id`)) fail(`${path}.${list}[${i}].id`, 'must not be empty');
			if (ids.has(o.id)) fail(`${path}.${list}[${i}].id`, `repeats the id ${JSON.stringify(o.id)}`);
			ids.add(o.id);
			if ('description' in o) languageMap(o.description, `${path}.${list}[${i}].description`);
		});
	}
	if ('correctResponsesPattern' in d) {
		if (!Array.isArray(d.correctResponsesPattern)) fail(`${path}.correctResponsesPattern`, 'must be an array of strings');
		d.correctResponsesPattern.forEach((p, i) => {
			const problem = patternProblem(type, string(p, `${path}.correctResponsesPattern[${i}]`));
			if (problem) fail(`${path}.correctResponsesPattern[${i}]`, `${problem} for ${type} (got ${JSON.stringify(p)})`);
		});
	}
}

/** @param {unknown} v @param {string} path */
function activity(v, path) {
	const o = object(v, path);
	onlyKeys(o, ['objectType', 'id', 'definition'], path);
	if ('objectType' in o && o.objectType !== 'Activity') fail(`${path}.objectType`, 'must be "Activity"');
	if (!('id' in o)) fail(path, 'an Activity needs an id');
	iri(o.id, `${path}.id`);
	if ('definition' in o) definition(o.definition, `${path}.definition`);
}

/** @param {unknown} v @param {string} path */
function statementRef(v, path) {
	const o = object(v, path);
	onlyKeys(o, ['objectType', 'id'], path);
	if (o.objectType !== 'StatementRef') fail(`${path}.objectType`, 'must be "StatementRef"');
	uuid(o.id, `${path}.id`);
}

/** @param {unknown} v @param {string} path @param {boolean} inSub */
function statementObject(v, path, inSub) {
	const o = object(v, path);
	const type = o.objectType ?? 'Activity';
	if (type === 'Activity') activity(o, path);
	else if (type === 'Agent') agent(o, path, { objectTypeRequired: true });
	else if (type === 'Group') group(o, path);
	else if (type === 'StatementRef') statementRef(o, path);
	else if (type === 'SubStatement') {
		if (inSub) fail(path, 'a SubStatement cannot contain another SubStatement');
		statementBody(o, path, true);
	} else fail(`${path}.objectType`, `must be Activity, Agent, Group, StatementRef or SubStatement (got ${JSON.stringify(type)})`);
}

/** 2.4.5.1: scaled in [-1, 1], min < max, raw between them. */
/** @param {unknown} v @param {string} path */
function score(v, path) {
	const o = object(v, path);
	onlyKeys(o, ['scaled', 'raw', 'min', 'max'], path);
	for (const k of Object.keys(o)) number(o[k], `${path}.${k}`);
	const { scaled, raw, min, max } = /** @type {Record<string, number | undefined>} */ (o);
	if (scaled !== undefined && (scaled < -1 || scaled > 1)) fail(`${path}.scaled`, `must be between -1 and 1 (got ${scaled})`);
	if (min !== undefined && max !== undefined && !(min < max)) fail(path, `min (${min}) must be less than max (${max})`);
	if (raw !== undefined && min !== undefined && raw < min) fail(`${path}.raw`, `must not be below min (${raw} < ${min})`);
	if (raw !== undefined && max !== undefined && raw > max) fail(`${path}.raw`, `must not be above max (${raw} > ${max})`);
}

/** @param {unknown} v @param {string} path @param {Obj} statement */
function result(v, path, statement) {
	const o = object(v, path);
	onlyKeys(o, ['score', 'success', 'completion', 'response', 'duration', 'extensions'], path);
	if ('score' in o) score(o.score, `${path}.score`);
	if ('success' in o) boolean(o.success, `${path}.success`);
	if ('completion' in o) boolean(o.completion, `${path}.completion`);
	if ('response' in o) {
		const response = string(o.response, `${path}.response`);
		// "A response appropriately formatted for the given Activity": checked where the object says its interaction type.
		const def = isObject(statement.object) && isObject(statement.object.definition) ? statement.object.definition : undefined;
		const problem = typeof def?.interactionType === 'string' ? patternProblem(def.interactionType, response) : undefined;
		if (problem) fail(`${path}.response`, `${problem} for ${def?.interactionType} (got ${JSON.stringify(response)})`);
	}
	if ('duration' in o && !isDuration(string(o.duration, `${path}.duration`))) fail(`${path}.duration`, `must be an ISO 8601 duration such as PT1M30.5S (got ${JSON.stringify(o.duration)})`);
	if ('extensions' in o) extensions(o.extensions, `${path}.extensions`);
}

/** @param {unknown} v @param {string} path @param {Obj} statement */
function context(v, path, statement) {
	const o = object(v, path);
	onlyKeys(o, ['registration', 'instructor', 'team', 'contextActivities', 'revision', 'platform', 'language', 'statement', 'extensions'], path);
	if ('registration' in o) uuid(o.registration, `${path}.registration`);
	if ('instructor' in o) actor(o.instructor, `${path}.instructor`);
	if ('team' in o) group(o.team, `${path}.team`);
	if ('contextActivities' in o) {
		const ca = object(o.contextActivities, `${path}.contextActivities`);
		onlyKeys(ca, ['parent', 'grouping', 'category', 'other'], `${path}.contextActivities`);
		for (const [k, list] of Object.entries(ca)) {
			if (Array.isArray(list)) list.forEach((a, i) => activity(a, `${path}.contextActivities.${k}[${i}]`));
			else activity(list, `${path}.contextActivities.${k}`);
		}
	}
	const objectIsActivity = isObject(statement.object) && (statement.object.objectType ?? 'Activity') === 'Activity';
	for (const k of ['revision', 'platform']) {
		if (!(k in o)) continue;
		string(o[k], `${path}.${k}`);
		if (!objectIsActivity) fail(`${path}.${k}`, 'may only be used when the object is an Activity');
	}
	if ('language' in o && !isLanguageTag(string(o.language, `${path}.language`))) fail(`${path}.language`, 'must be an RFC 5646 language tag');
	if ('statement' in o) statementRef(o.statement, `${path}.statement`);
	if ('extensions' in o) extensions(o.extensions, `${path}.extensions`);
}

/** @param {unknown} v @param {string} path */
function attachments(v, path) {
	if (!Array.isArray(v)) fail(path, 'must be an array of Attachments');
	v.forEach((a, i) => {
		const p = `${path}[${i}]`;
		const o = object(a, p);
		onlyKeys(o, ['usageType', 'display', 'description', 'contentType', 'length', 'sha2', 'fileUrl'], p);
		for (const k of ['usageType', 'display', 'contentType', 'length', 'sha2']) if (!(k in o)) fail(p, `needs ${k}`);
		iri(o.usageType, `${p}.usageType`);
		languageMap(o.display, `${p}.display`);
		if ('description' in o) languageMap(o.description, `${p}.description`);
		string(o.contentType, `${p}.contentType`);
		if (!Number.isInteger(number(o.length, `${p}.length`)) || /** @type {number} */ (o.length) < 0) fail(`${p}.length`, 'must be a whole number of octets');
		if (!/^[0-9a-f]{64,128}$/i.test(string(o.sha2, `${p}.sha2`))) fail(`${p}.sha2`, 'must be a hex SHA-2 hash');
		if ('fileUrl' in o) irl(o.fileUrl, `${p}.fileUrl`);
	});
}

/** 2.2.s4.b1.b1: no null anywhere except inside extensions. */
/** @param {unknown} v @param {string} path */
function noNulls(v, path) {
	if (v === null) fail(path, 'must not be null');
	if (Array.isArray(v)) v.forEach((x, i) => noNulls(x, `${path}[${i}]`));
	else if (isObject(v)) for (const [k, x] of Object.entries(v)) if (k !== 'extensions') noNulls(x, `${path}.${k}`);
}

/** @param {Obj} o @param {string} path @param {boolean} sub */
function statementBody(o, path, sub) {
	onlyKeys(o, sub ? SUBSTATEMENT_KEYS : STATEMENT_KEYS, path);
	for (const k of ['actor', 'verb', 'object']) if (!(k in o)) fail(path, `needs ${k}`);
	actor(o.actor, `${path}.actor`);
	verb(o.verb, `${path}.verb`);
	statementObject(o.object, `${path}.object`, sub);
	if ('result' in o) result(o.result, `${path}.result`, o);
	if ('context' in o) context(o.context, `${path}.context`, o);
	if ('timestamp' in o) timestamp(o.timestamp, `${path}.timestamp`);
	if ('attachments' in o) attachments(o.attachments, `${path}.attachments`);
}

/**
 * The first way the statement breaks the xAPI 1.0.3 rules, or undefined when it keeps them all.
 * @param {unknown} statement
 * @returns {string | undefined}
 */
export function statementProblem(statement) {
	try {
		const o = object(statement, 'statement');
		noNulls(o, 'statement');
		statementBody(o, 'statement', false);
		if ('id' in o) uuid(o.id, 'statement.id');
		if ('stored' in o) timestamp(o.stored, 'statement.stored');
		if ('authority' in o) actor(o.authority, 'statement.authority');
		if ('version' in o && !/^1\.0(?:\.\d+)?$/.test(string(o.version, 'statement.version'))) fail('statement.version', 'must be a 1.0.x version');
		// The verb that voids takes a StatementRef (2.3.2).
		const v = /** @type {Obj} */ (o.verb);
		if (v.id === 'http://adlnet.gov/expapi/verbs/voided' && /** @type {Obj} */ (o.object).objectType !== 'StatementRef') fail('statement.object', 'a voiding statement must have a StatementRef as its object');
		return undefined;
	} catch (e) {
		if (e instanceof Invalid) return e.message;
		throw e;
	}
}

/**
 * What stays the same when an LRS compares two statements with one id (2.3.1 "Statement
 * comparison"): without the properties the LRS sets, verb displays, activity definitions and
 * attachments; timestamps as points in time; context activities as lists; group members unordered.
 * @param {unknown} statement
 */
export function comparable(statement) {
	/** @param {unknown} v @returns {unknown} */
	const strip = (v) => {
		if (!isObject(v)) return v;
		const o = { ...v };
		delete o.stored;
		delete o.authority;
		delete o.version;
		delete o.attachments;
		if (typeof o.timestamp === 'string') o.timestamp = Date.parse(o.timestamp);
		if (isObject(o.verb)) o.verb = { id: o.verb.id };
		const obj = /** @type {Obj | undefined} */ (isObject(o.object) ? o.object : undefined);
		if (obj && (obj.objectType ?? 'Activity') === 'Activity') o.object = { objectType: 'Activity', id: obj.id };
		else if (obj && obj.objectType === 'SubStatement') o.object = strip(obj);
		if (isObject(o.context) && isObject(o.context.contextActivities)) {
			const ca = /** @type {Record<string, unknown>} */ ({});
			for (const [k, list] of Object.entries(o.context.contextActivities)) ca[k] = (Array.isArray(list) ? list : [list]).map((a) => (isObject(a) ? a.id : a));
			o.context = { ...o.context, contextActivities: ca };
		}
		if (isObject(o.actor) && Array.isArray(o.actor.member)) o.actor = { ...o.actor, member: [...o.actor.member].map((m) => JSON.stringify(m)).sort() };
		return o;
	};
	return canonicalJson(strip(statement));
}

/** JSON with keys in order, so equal values give equal text. @param {unknown} v @returns {string} */
function canonicalJson(v) {
	if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
	if (isObject(v))
		return `{${Object.keys(v)
			.sort()
			.map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k])}`)
			.join(',')}}`;
	return JSON.stringify(v);
}
