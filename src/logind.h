#ifndef IPCBOX_LOGIND_H
#define IPCBOX_LOGIND_H

/*
 * What systemd-logind removes when a user's last session ends (ipcs
 * --removeipc): RemoveIPC= from logind.conf and its drop-ins, and which
 * users are regular by login.defs' SYS_UID_MAX.  The parsers work on text
 * and return errors; logind_read() reads the files (small, regular, no
 * mmap) and prints why it failed.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LOGIN_DEFS "/etc/login.defs"
#define LOGIND_CONF "/etc/systemd/logind.conf"
#define LOGIND_CONF_D "/etc/systemd/logind.conf.d"
/* login.defs' and logind's default: uids up to 999 are system users. */
#define SYS_UID_MAX_DEFAULT 999u

struct logind_policy {
	bool remove_ipc;		/* RemoveIPC= in force (default yes) */
	char remove_ipc_from[4096];	/* the file that set it last, or "" (the default) */
	uint32_t sys_uid_max;		/* a uid above it (and not root) is a regular user */
	bool sys_uid_max_set;		/* from login.defs, not the default */
};

/* Where a parser stopped: its line, and what was wrong (an English msgid). */
struct parse_fault {
	unsigned line;
	const char *why;
};

/* TEXT (LEN bytes) of login.defs: SYS_UID_MAX into *MAX and *SET (untouched when absent); 0 or -1 with *F. */
int parse_login_defs(const char *text, size_t len, uint32_t *max, bool *set, struct parse_fault *f);

/*
 * TEXT of a logind.conf file: the last RemoveIPC= of its [Login] section
 * into *REMOVE and *SET (untouched when absent); 0 or -1 with *F.
 */
int parse_logind_conf(const char *text, size_t len, bool *remove, bool *set, struct parse_fault *f);

/* Read the policy from the files above; 0, or -1 after the message. */
int logind_read(struct logind_policy *p);

/* Whether systemd-logind counts UID as a regular user (whose objects RemoveIPC removes). */
static inline bool logind_regular_user(const struct logind_policy *p, uint32_t uid)
{
	return uid != 0 && uid > p->sys_uid_max;
}

#endif
