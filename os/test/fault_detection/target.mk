TARGET := test-fault_detection
SRC_C  := main.c
LIBS   := component test_fault test_config_tag
