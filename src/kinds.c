/*
 * The six kinds, once; the texts are util-linux's where it has them.  The
 * words are msgids (N_), translated where they are printed.
 *
 * TRANSLATORS: in each kind: the plural that fills "cannot read %s"; the
 * ipcs -l and -u titles; the ipcs --name title ("%s name=/x"); ipcmk's
 * "create %s failed" (util-linux's own "share memory") and "%s: 5" lines;
 * ipcrm -v's "removing %s `5'"; the object of "remove %s id 5".
 */
#include <string.h>

#include "src/i18n.h"
#include "src/kinds.h"

const struct kind_info kinds[KINDS] = {
	[KIND_MSG] = {
		FAMILY_SYSV, "msg", N_("message queues"), "message_queues",
		N_("Messages Limits"), N_("Messages Status"), NULL,
		N_("message queue"), N_("Message queue id"),
		N_("message queue id"), N_("message queue"), 'Q',
	},
	[KIND_SHM] = {
		FAMILY_SYSV, "shm", N_("shared memory segments"), "shared_memory",
		N_("Shared Memory Limits"), N_("Shared Memory Status"), NULL,
		N_("share memory"), N_("Shared memory id"),
		N_("shared memory segment id"), N_("shared memory"), 'M',
	},
	[KIND_SEM] = {
		FAMILY_SYSV, "sem", N_("semaphore arrays"), "semaphores",
		N_("Semaphore Limits"), N_("Semaphore Status"), NULL,
		N_("semaphore"), N_("Semaphore id"),
		N_("semaphore id"), N_("semaphore array"), 'S',
	},
	[KIND_PMSG] = {
		FAMILY_POSIX, "pmsg", N_("POSIX message queues"), "posix_message_queues",
		N_("POSIX Message Queues Limits"), N_("POSIX Message Queues Status"), N_("POSIX Message Queue"),
		N_("POSIX message queue"), N_("POSIX message queue name"),
		N_("POSIX message queue"), NULL, 0,
	},
	[KIND_PSHM] = {
		FAMILY_POSIX, "pshm", N_("POSIX shared memory"), "posix_shared_memory",
		N_("POSIX Shared Memory Limits"), N_("POSIX Shared Memory Status"), N_("POSIX Shared Memory"),
		N_("POSIX shared memory"), N_("POSIX shared memory name"),
		N_("POSIX shared memory"), NULL, 0,
	},
	[KIND_PSEM] = {
		FAMILY_POSIX, "psem", N_("POSIX semaphores"), "posix_semaphores",
		N_("POSIX Semaphores Limits"), N_("POSIX Semaphores Status"), N_("POSIX Semaphore"),
		N_("POSIX semaphore"), N_("POSIX semaphore name"),
		N_("POSIX semaphore"), NULL, 0,
	},
};

int kind_of_keyword(const char *word, int count)
{
	for (int k = 0; k < count && k < KINDS; k++)
		if (strcmp(word, kinds[k].keyword) == 0)
			return k;
	return -1;
}
