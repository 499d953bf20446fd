/*
 * Test helper for tests/ipcs-posix.bats and ipcs-json.bats: puts messages
 * into queues, which no shell tool can do.  Run only inside tests/ns-run.
 *   ipcs-helper mq-send /NAME TEXT...   one POSIX message per TEXT
 *   ipcs-helper msg-send ID TEXT...     one System V message (type 1) per TEXT
 */
#include <fcntl.h>
#include <mqueue.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/msg.h>

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: ipcs-helper mq-send|msg-send NAME|ID TEXT...\n");
		return 2;
	}
	if (strcmp(argv[1], "mq-send") == 0) {
		mqd_t q = mq_open(argv[2], O_WRONLY);
		if (q == (mqd_t)-1) {
			perror("mq_open");
			return 1;
		}
		for (int i = 3; i < argc; i++)
			if (mq_send(q, argv[i], strlen(argv[i]), 0) < 0) {
				perror("mq_send");
				return 1;
			}
		return mq_close(q) < 0;
	}
	if (strcmp(argv[1], "msg-send") == 0) {
		int id = atoi(argv[2]);
		for (int i = 3; i < argc; i++) {
			size_t len = strlen(argv[i]);
			struct { long mtype; char mtext[4096]; } m = { 1, { 0 } };
			if (len > sizeof(m.mtext))
				len = sizeof(m.mtext);
			memcpy(m.mtext, argv[i], len);
			if (msgsnd(id, &m, len, 0) < 0) {
				perror("msgsnd");
				return 1;
			}
		}
		return 0;
	}
	fprintf(stderr, "ipcs-helper: unknown command %s\n", argv[1]);
	return 2;
}
