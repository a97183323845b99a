/*
 * \brief  test-libc: pthreads, with mutexes, condition variables, and
 *         threads that print and sleep (each a call to a session)
 */

#include <pthread.h>
#include <time.h>

#include "test_libc.h"

enum { THREADS = 4, ROUNDS = 10000 };

static pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static long counter;
static int arrived;

static void *
worker(void *arg)
{
	long id = (long)arg;
	for (int i = 0; i < ROUNDS; i++) {
		pthread_mutex_lock(&mutex);
		counter++;
		pthread_mutex_unlock(&mutex);
	}
	struct timespec req = {.tv_nsec = 20 * 1000000};
	nanosleep(&req, NULL);
	printf("thread %ld: done\n", id);
	pthread_mutex_lock(&mutex);
	arrived++;
	pthread_cond_broadcast(&cond);
	pthread_mutex_unlock(&mutex);
	return (void *)(id * 10);
}

int
test_threads(void)
{
	pthread_t t[THREADS];
	for (long i = 0; i < THREADS; i++)
		CHECK(pthread_create(&t[i], NULL, worker, (void *)i) == 0, "pthread_create %ld", i);
	pthread_mutex_lock(&mutex);
	while (arrived < THREADS)
		pthread_cond_wait(&cond, &mutex);
	pthread_mutex_unlock(&mutex);
	for (long i = 0; i < THREADS; i++) {
		void *ret;
		CHECK(pthread_join(t[i], &ret) == 0 && ret == (void *)(i * 10), "pthread_join %ld",
		      i);
	}
	CHECK(counter == THREADS * ROUNDS, "counter %ld", counter);
	printf("threads: %d threads, counter %ld\n", THREADS, counter);
	return 0;
}
