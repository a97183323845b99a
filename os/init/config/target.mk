LIB   := init_config
SRC_C := parse.c storage.c syntax.c old.c new.c routes.c child.c check.c diag.c model.c route.c route_cond.c host_access.c
LIBS  := init_priority xml node arg_string alloc util
