TARGET := test-upgrade
SRC_C  := main.c core_sessions.c ram_records.c server.c
LIBS   := component test_expect config_root xml
