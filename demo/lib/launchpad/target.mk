# launchpad as a parent: its launchers and their children on init's child
# machinery (os/init/child.h) with launchpad's routing policy; shared by
# the GUI component (demo/launchpad) and its headless test
LIB   := launchpad_parent
SRC_C := config.c parent.c
LIBS  := launchpad_model init_child xml node
