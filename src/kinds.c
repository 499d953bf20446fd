/* The six kinds, once; the texts are util-linux's where it has them. */
#include <string.h>

#include "src/kinds.h"

const struct kind_info kinds[KINDS] = {
	[KIND_MSG] = {
		FAMILY_SYSV, "msg", "message queues", "message_queues",
		"Messages Limits", "Messages Status", NULL,
		"message queue", "Message queue id",
		"message queue id", "message queue", 'Q',
	},
	[KIND_SHM] = {
		FAMILY_SYSV, "shm", "shared memory segments", "shared_memory",
		"Shared Memory Limits", "Shared Memory Status", NULL,
		"share memory", "Shared memory id",
		"shared memory segment id", "shared memory", 'M',
	},
	[KIND_SEM] = {
		FAMILY_SYSV, "sem", "semaphore arrays", "semaphores",
		"Semaphore Limits", "Semaphore Status", NULL,
		"semaphore", "Semaphore id",
		"semaphore id", "semaphore array", 'S',
	},
	[KIND_PMSG] = {
		FAMILY_POSIX, "pmsg", "POSIX message queues", "posix_message_queues",
		"POSIX Message Queues Limits", "POSIX Message Queues Status", "POSIX Message Queue",
		"POSIX message queue", "POSIX message queue name",
		"POSIX message queue", NULL, 0,
	},
	[KIND_PSHM] = {
		FAMILY_POSIX, "pshm", "POSIX shared memory", "posix_shared_memory",
		"POSIX Shared Memory Limits", "POSIX Shared Memory Status", "POSIX Shared Memory",
		"POSIX shared memory", "POSIX shared memory name",
		"POSIX shared memory", NULL, 0,
	},
	[KIND_PSEM] = {
		FAMILY_POSIX, "psem", "POSIX semaphores", "posix_semaphores",
		"POSIX Semaphores Limits", "POSIX Semaphores Status", "POSIX Semaphore",
		"POSIX semaphore", "POSIX semaphore name",
		"POSIX semaphore", NULL, 0,
	},
};

int kind_of_keyword(const char *word, int count)
{
	for (int k = 0; k < count && k < KINDS; k++)
		if (strcmp(word, kinds[k].keyword) == 0)
			return k;
	return -1;
}
