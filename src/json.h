#ifndef IPCBOX_JSON_H
#define IPCBOX_JSON_H

/*
 * A tiny streaming JSON writer for stdout, indented like lsipc --json.
 * It never builds a tree, so 10,000 objects cost no memory.  Strings are
 * escaped so the output is always valid JSON encoded as UTF-8, whatever
 * bytes the names hold.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* --all-namespaces --processes nests 8 deep: namespaces, objects, processes, how. */
#define JSON_MAX_DEPTH 12

struct json {
	int depth;
	bool has_members[JSON_MAX_DEPTH];	/* a comma is due before the next one */
};

/*
 * KEY is the member name inside an object, NULL for array elements and the
 * document itself.  Member names are our own snake_case literals: they are
 * written without escaping.
 */
void json_open_object(struct json *j, const char *key);
void json_close_object(struct json *j);
void json_open_array(struct json *j, const char *key);
void json_close_array(struct json *j);
/*
 * Carry on in J's innermost container after members that another writer
 * wrote into it (a child process continuing the document: ipcs
 * --all-namespaces), SOME saying whether there were any: the next member
 * then gets its comma, and the container closes on a line of its own.
 */
void json_continue(struct json *j, bool some);

/* Returns false if S was not valid UTF-8 (bad bytes became U+FFFD). */
bool json_string(struct json *j, const char *key, const char *s);
void json_uint(struct json *j, const char *key, uint64_t v);
void json_int(struct json *j, const char *key, int64_t v);
void json_bool(struct json *j, const char *key, bool v);
void json_null(struct json *j, const char *key);
/* A number already formatted as JSON ("12.50"), written as it is. */
void json_number(struct json *j, const char *key, const char *text);

/*
 * For writers of many alike members (the objects of a listing): a member's
 * leading text at DEPTH, ",\n" + indentation + "\"KEY\": ", built once
 * into BUF (LEN bytes); returns its length, 0 if it does not fit.
 */
size_t json_member_prefix(int depth, const char *key, char *buf, size_t len);
/*
 * The length of S if JSON takes it as it is between quotes (printable
 * ASCII, no quote or backslash) and it has at most MAX bytes; else -1.
 */
long json_plain_length(const char *s, size_t max);

#endif
