TARGET := test-adversary
SRC_C  := main.c ../../../os/test/adversary/routes.c ../../../os/test/adversary/many.c
LIBS   := component config_root xml thread
