/*
 * \brief  test-fault_detection: faults only a platform can cause
 *
 * An abort and the process id have no generic form; each platform
 * provides them (Linux: base-linux/test/fault).
 */

#ifndef _OS__TEST__FAULT_DETECTION__FAULT_H_
#define _OS__TEST__FAULT_DETECTION__FAULT_H_

/* end the calling component the way the C library's abort() does */
_Noreturn void test_fault_abort(void);

/* the platform's id of the calling process, for the run script to kill it */
unsigned long test_fault_process_id(void);

/* execute an instruction the CPU refuses */
_Noreturn void test_fault_illegal_instruction(void);

/* divide an integer by zero, where the CPU traps on it */
_Noreturn void test_fault_arithmetic(void);

/*
 * end the process with the platform's own exit status (where it has one),
 * without telling the parent: the parent must not see status as a value
 */
_Noreturn void test_fault_exit_unreported(int status);

#endif /* _OS__TEST__FAULT_DETECTION__FAULT_H_ */
