#ifndef IPCBOX_COMMANDS_H
#define IPCBOX_COMMANDS_H

int ipcs_main(int argc, char **argv);
int ipcmk_main(int argc, char **argv);
int ipcrm_main(int argc, char **argv);
int lsipc_main(int argc, char **argv);
/* "ipcbox ftok" only: no link runs it. */
int ftok_main(int argc, char **argv);

#endif
