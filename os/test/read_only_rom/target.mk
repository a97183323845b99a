TARGET := test-read_only_rom
SRC_C  := main.c
LIBS   := component test_config_tag
