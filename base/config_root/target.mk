LIB   := config_root
SRC_C := config_root.c
LIBS  := xml
