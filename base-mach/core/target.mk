TARGET := core
SRC_C  := main.c archive_none.c console.c machine_exit.c chunk.c kernel_facts.c tick.c core_ep.c core_ep_set.c ram.c \
          pd.c pd_watch.c pd_memory.c pd_kernel_objects.c run_init.c boot_archive.c memobj.c memobj_pager.c memobj_default.c \
          task_elf.c task_start.c exc.c signal_slot.c signal_context.c signal_port.c \
          platform_service.c
LIBS   := core_generic thread
CC_OPT := -Icore
