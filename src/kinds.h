#ifndef IPCBOX_KINDS_H
#define IPCBOX_KINDS_H

/*
 * The one registry of the six kinds of IPC object.  Every command, data
 * module and writer names a kind by this enum and takes its words from
 * this table; the order is ipcs's section order.
 */
#include <stdbool.h>

enum ipc_kind { KIND_MSG, KIND_SHM, KIND_SEM, KIND_PMSG, KIND_PSHM, KIND_PSEM, KINDS };

enum ipc_family { FAMILY_SYSV, FAMILY_POSIX };

struct kind_info {
	enum ipc_family family;
	const char *keyword;	/* ipcrm -a TYPE and the legacy "ipcrm shm ID" */
	const char *plural;	/* ipcs errors: "cannot read shared memory segments" */
	const char *json_key;	/* the JSON member holding the kind's objects */
	const char *limits_title, *summary_title;	/* ipcs -l, ipcs -u */
	const char *details_title;	/* ipcs --name: "POSIX Semaphore name=..." */
	/* ipcmk: "create WHAT failed", then "REPORTED: id or name" */
	const char *create_what, *reported;
	/* ipcrm: "removing REMOVING `id'", and "the key of OBJECT id N" */
	const char *removing, *object;
	char key_option;	/* ipcrm's remove-by-key letter (System V) */
};

extern const struct kind_info kinds[KINDS];

static inline bool kind_is_posix(enum ipc_kind k) { return kinds[k].family == FAMILY_POSIX; }

/* The kind whose keyword is WORD, among the first COUNT kinds; -1 if none. */
int kind_of_keyword(const char *word, int count);

#endif
