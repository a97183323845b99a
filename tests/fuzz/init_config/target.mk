FUZZ  := fuzz-init_config
SRC_C := main.c
LIBS  := init_config harness
