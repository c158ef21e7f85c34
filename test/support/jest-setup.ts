import { guardReadsToRepository } from './repository-reads';

// Every suite: no test may read outside the repository (a fresh clone has no ../shared).
guardReadsToRepository();
