#ifndef IPCBOX_RENDER_H
#define IPCBOX_RENDER_H

/*
 * Output of ipcs: text (byte-compatible with util-linux for System V
 * objects) or one JSON document.  Renderers only format what the data
 * modules gathered; they never call the kernel.
 */
#include <stddef.h>

#include "src/fields.h"
#include "src/owners.h"
#include "src/posix.h"
#include "src/sysv.h"

enum ipcs_mode {
	MODE_LIST, MODE_TIME, MODE_PID, MODE_CREATOR, MODE_LIMITS, MODE_SUMMARY,
	MODE_GLOBAL, MODE_METRICS,	/* ipcs-global.c */
};
enum size_unit { UNIT_DEFAULT, UNIT_BYTES, UNIT_HUMAN };

struct render_opts {
	enum ipcs_mode mode;
	enum size_unit unit;
	bool numeric;		/* uids and gids as numbers, no name lookups */
	bool json;		/* one JSON document instead of text */
	bool details;		/* -i or --name: one object */
	bool memory;		/* --memory: the memory columns (JSON has them always) */
	bool embedded;		/* JSON: inside --all-namespaces' array, the caller opened the object */
};

/* Around everything else: the leading blank line, or the JSON document. */
void render_begin(const struct render_opts *opts);
void render_end(const struct render_opts *opts);

/* Whether the mode has anything to show for KIND (no -p for POSIX objects). */
bool render_shows(enum ipc_kind kind, const struct render_opts *opts);

/* Row modes: title and header, one line per object, the closing blank line. */
void render_section_begin(enum ipc_kind kind, const struct render_opts *opts);
/* One object: its row, and with --processes who uses it. */
void render_item(const struct ipc_item *it, const struct render_opts *opts);
void render_section_end(enum ipc_kind kind, const struct render_opts *opts);
/* Before a POSIX section: size its name column to the longest of these names. */
void render_fit_names(const char *const *names, size_t n);
/* After render_fit_names(): the owner column of the POSIX table fits UID's name (each object's owner). */
void render_fit_owner(uint64_t uid, const struct render_opts *opts);

void render_limits(enum ipc_kind kind, const struct sysv_limits *l, const struct render_opts *opts);
void render_summary(enum ipc_kind kind, const struct sysv_summary *s, const struct render_opts *opts);

void render_posix_limits(enum ipc_kind kind, const struct posix_limits *l, const struct render_opts *opts);

void render_posix_summary(enum ipc_kind kind, const struct posix_summary *s, const struct render_opts *opts);

/*
 * "ipcs -i" and "ipcs --name": one object, NULL if there is none (then
 * only JSON prints something: an empty list).  values is the per-semaphore
 * table (System V sem only).  With it->messages (ipcs -q -i --messages),
 * the copied messages follow: one line each with its first bytes escaped,
 * or a "message_list" array in the queue's JSON object, all bytes base64.
 */
/*
 * A semaphore set's N values as ipcs -s -i lists them (semnum, value,
 * ncount, zcount, pid; the header too), or as J's "values" array member.
 */
void out_sem_values(const struct sysv_semval *values, uint64_t n);
struct json;
void json_sem_values(struct json *j, const struct sysv_semval *values, uint64_t n);

void render_details(const struct ipc_item *it, const struct sysv_semval *values,
		    const struct render_opts *opts);

/* --all-namespaces: around all blocks, and around each namespace's block. */
struct ns_info;
void render_namespaces_begin(const struct render_opts *opts);
void render_namespaces_end(const struct render_opts *opts);
void render_namespace_begin(const struct ns_info *ns, bool first, const struct render_opts *opts);
void render_namespace_end(const struct render_opts *opts);

/*
 * --by-owner, --by-creator: around all kinds (the JSON "owners" array),
 * and one kind's table, its first TOP rows (0: all).
 */
void render_owners_begin(const struct render_opts *opts);
void render_owners(const struct owner_table *t, size_t top, const struct render_opts *opts);
void render_owners_end(const struct render_opts *opts);

/*
 * After everything: how many processes --processes could not read (not
 * those that exited during the scan: they hold nothing), naming the first
 * NSHOWN of them (SHOWN: pid and command).
 */
struct holder;
void render_uninspected(size_t count, const struct holder *shown, size_t nshown, const struct render_opts *opts);

#endif
