TARGET := init
SRC_C  := main.c parent_object.c session_route.c cpu_route.c config_rom.c child_ram.c
LIBS   := init_config component rom_server arg_string
