TARGET := core
SRC_C  := main.c console.c boot_dir.c run_init.c ram_backing.c cpu_priority.c report_request.c tick.c \
          pd_spawn.c pd_confine.c netns.c mntns.c ipc_uts_ns.c shared_ns.c core_image.c pd_watch.c pd_end.c pd_stray.c signal_context.c \
          memcg_boot.c memcg_pd.c chunk.c host_env.c tap_service.c
LIBS   := core_generic sandbox
CC_OPT := -Icore
