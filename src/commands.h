#ifndef IPCBOX_COMMANDS_H
#define IPCBOX_COMMANDS_H

int ipcs_main(int argc, char **argv);
int ipcmk_main(int argc, char **argv);
int ipcrm_main(int argc, char **argv);
int lsipc_main(int argc, char **argv);
/* ipcbox subcommands only: no link runs them. */
int ftok_main(int argc, char **argv);
int send_main(int argc, char **argv);
int receive_main(int argc, char **argv);
int sem_main(int argc, char **argv);
int read_main(int argc, char **argv);
int write_main(int argc, char **argv);
int set_main(int argc, char **argv);

#endif
