TARGET := test-hostile-log
SRC_C  := forge.c ../../../os/test/hostile_log/main.c ../../../os/test/hostile_log/bounds.c \
          ../../../os/test/hostile_log/ops.c
LIBS   := component config_root xml
