/*
 * \brief  Checking session arguments and donations at a server's root
 */

#include <base/log.h>
#include <base/rpc_server.h>
#include <root/session_args.h>
#include <util/string.h>

status_t
session_quota_check(const char *service, const struct arg_string *args, const char *label,
                    size_t needed)
{
	uint64_t quota = 0;
	/* the session object's caller lines are kept for the client too */
	needed += RPC_OBJECT_CALLERS_DEFAULT * RPC_OBJECT_CALLER_COST;
	if (arg_string_get_size(args, "ram_quota", 0, &quota) != STATUS_OK) {
		log_error("%s session for \"%s\": malformed ram_quota argument", service, label);
		return STATUS_INVALID_ARGS;
	}
	if (quota < needed) {
		log_error("%s session for \"%s\": insufficient ram_quota, needed %lu bytes, given "
		          "%llu",
		          service, label, (unsigned long)needed, (unsigned long long)quota);
		return STATUS_QUOTA_EXCEEDED;
	}
	return STATUS_OK;
}

status_t
session_args_check(const char *service, const char *args_text, size_t needed, char *label,
                   size_t label_size)
{
	struct arg_string args;
	struct arg_error err;

	label[0] = 0;
	if (arg_string_init(&args, args_text, str_len(args_text), &err) != STATUS_OK) {
		log_error("%s session: malformed arguments at offset %u: %s", service,
		          (unsigned)err.offset, err.reason);
		return STATUS_INVALID_ARGS;
	}
	(void)arg_string_get_string(&args, "label", label, label_size);
	return session_quota_check(service, &args, label, needed);
}

status_t
session_upgrade_amount(const char *service, const char *args_text, const char *label,
                       uint64_t *amount)
{
	struct arg_string args;
	struct arg_error err;

	*amount = 0;
	if (arg_string_init(&args, args_text, str_len(args_text), &err) != STATUS_OK) {
		log_error("upgrade of %s session \"%s\": malformed arguments at offset %u: %s",
		          service, label, (unsigned)err.offset, err.reason);
		return STATUS_INVALID_ARGS;
	}
	/* without ram_quota an upgrade means nothing: a caller's mistake, say so */
	if (!arg_string_has(&args, "ram_quota") ||
	    arg_string_get_size(&args, "ram_quota", 0, amount) != STATUS_OK) {
		log_error("upgrade of %s session \"%s\": missing or malformed ram_quota", service,
		          label);
		return STATUS_INVALID_ARGS;
	}
	return STATUS_OK;
}

uint64_t
session_args_donation(const char *args_text, char *label, size_t label_size)
{
	struct arg_string args;
	struct arg_error err;
	uint64_t amount = 0;
	label[0] = 0;
	if (arg_string_init(&args, args_text, str_len(args_text), &err) != STATUS_OK)
		return 0;
	(void)arg_string_get_string(&args, "label", label, label_size);
	(void)arg_string_get_size(&args, "ram_quota", 0, &amount);
	return amount;
}
