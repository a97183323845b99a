LIB   := core_generic
SRC_C := elf_check.c options.c boot_modules.c core_log.c main.c session_request.c core_root.c \
         core_heap.c host_access.c log_service.c rom_service.c cpu_service.c cpu_thread.c pd_service.c signal_service.c signal_context.c init_parent.c \
         ram_service.c ram_session.c ram_session_ops.c ram_bind.c \
         ram_account.c accounting.c region_map.c region_map_nest.c region_map_lookup.c \
         rm_service.c rm_session_ops.c rm_fault.c
LIBS  := signal root_component session_args init_priority rom_server dataspace ipc arg_string alloc log util
