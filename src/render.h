#ifndef IPCBOX_RENDER_H
#define IPCBOX_RENDER_H

/*
 * Text output of ipcs, byte-compatible with util-linux.  Renderers only
 * format what the data modules gathered; they never call the kernel.
 */
#include "src/sysv.h"

enum ipcs_mode { MODE_LIST, MODE_TIME, MODE_PID, MODE_CREATOR, MODE_LIMITS, MODE_SUMMARY };
enum size_unit { UNIT_DEFAULT, UNIT_BYTES, UNIT_HUMAN };

struct render_opts {
	enum ipcs_mode mode;
	enum size_unit unit;
	bool numeric;		/* uids and gids as numbers, no name lookups */
};

/* Row modes: title and header, one line per object, the closing blank line. */
void render_section_begin(enum sysv_kind kind, const struct render_opts *opts);
void render_row(const struct sysv_object *obj, const struct render_opts *opts);
void render_section_end(enum sysv_kind kind, const struct render_opts *opts);

void render_limits(enum sysv_kind kind, const struct sysv_limits *l, const struct render_opts *opts);
void render_summary(enum sysv_kind kind, const struct sysv_summary *s, const struct render_opts *opts);

/* "ipcs -i": one object; values is the per-semaphore table (sem only). */
void render_details(const struct sysv_object *obj, const struct sysv_semval *values);

/* Sizes as util-linux prints them with --human: 1023B, 1.5K, 4.7G, 16E. */
void format_human_size(uint64_t bytes, char *buf, size_t len);

#endif
