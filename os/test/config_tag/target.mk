LIB   := test_config_tag
SRC_C := config_tag.c
LIBS  := component util
