/*
 * Test helper for tests/ipcs-posix.bats and ipcs-json.bats: puts messages
 * into queues, which no shell tool can do.  Run only inside tests/ns-run.
 *   ipcs-helper mq-send /NAME TEXT...   one POSIX message per TEXT
 *   ipcs-helper msg-send ID TEXT...     one System V message (type 1) per TEXT
 *   ipcs-helper msg-put ID TYPE         one System V message of type TYPE
 *                                       holding stdin's bytes (any, NULs too)
 *   ipcs-helper msg-stat ID             qnum cbytes lspid lrpid stime rtime ctime
 *   ipcs-helper msg-drain ID [USEC]     receive (IPC_NOWAIT) until the queue is
 *                                       empty, pausing USEC after each; prints
 *                                       "TYPE SIZE" per message
 */
#include <fcntl.h>
#include <mqueue.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <sys/msg.h>
#include <unistd.h>

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
	if (strcmp(argv[1], "msg-put") == 0 && argc == 4) {
		static struct { long mtype; char mtext[1 << 20]; } m;
		size_t len = 0;
		ssize_t got;
		while (len < sizeof(m.mtext) && (got = read(0, m.mtext + len, sizeof(m.mtext) - len)) > 0)
			len += (size_t)got;
		m.mtype = atol(argv[3]);
		if (msgsnd(atoi(argv[2]), &m, len, IPC_NOWAIT) < 0) {
			perror("msgsnd");
			return 1;
		}
		return 0;
	}
	if (strcmp(argv[1], "msg-stat") == 0) {
		struct msqid_ds ds;
		if (msgctl(atoi(argv[2]), IPC_STAT, &ds) < 0) {
			perror("msgctl");
			return 1;
		}
		printf("qnum=%lu cbytes=%lu lspid=%d lrpid=%d stime=%ld rtime=%ld ctime=%ld\n",
		       (unsigned long)ds.msg_qnum, (unsigned long)ds.msg_cbytes, (int)ds.msg_lspid,
		       (int)ds.msg_lrpid, (long)ds.msg_stime, (long)ds.msg_rtime, (long)ds.msg_ctime);
		return 0;
	}
	if (strcmp(argv[1], "msg-drain") == 0) {
		static struct { long mtype; char mtext[1 << 20]; } m;
		ssize_t got;
		useconds_t pause = argc > 3 ? (useconds_t)atol(argv[3]) : 0;
		while ((got = msgrcv(atoi(argv[2]), &m, sizeof(m.mtext), 0, IPC_NOWAIT)) >= 0) {
			printf("%ld %zd\n", m.mtype, got);
			if (pause)
				usleep(pause);
		}
		if (errno != ENOMSG) {
			perror("msgrcv");
			return 1;
		}
		return 0;
	}
	fprintf(stderr, "ipcs-helper: unknown command %s\n", argv[1]);
	return 2;
}
