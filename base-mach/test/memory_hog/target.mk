TARGET := memory_hog-mach
SRC_C  := main.c
LIBS   := component test_config_tag mach_test_forge
