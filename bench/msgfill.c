/*
 * msgfill ID N: send N empty messages (type 1) to System V queue ID, without
 * waiting (fails when the queue is full).  For bench/messages.
 * Build: cc -O2 -o msgfill msgfill.c
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/msg.h>

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: msgfill ID N\n");
		return 2;
	}
	int id = atoi(argv[1]);
	long n = atol(argv[2]);
	struct { long type; char text[1]; } m = { 1, { 0 } };
	for (long i = 0; i < n; i++)
		if (msgsnd(id, &m, 0, IPC_NOWAIT) < 0) {
			perror("msgsnd");
			return 1;
		}
	return 0;
}
