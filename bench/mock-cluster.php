<?php
// An out-of-process mock cluster for the benchmarks (needs rdkafka-rs):
// creates each topic named in argv with PARTITIONS partitions (the mock keeps
// ~5 MiB per partition, so a large run needs many), prints the bootstrap
// address, and runs until its standard input closes.
$cluster = new RdKafka\Mock\Cluster(1);
$partitions = (int) (getenv('PARTITIONS') ?: 64);
foreach (array_slice($argv, 1) as $topic) {
    $cluster->createTopic($topic, $partitions);
}
echo $cluster->getBootstraps(), "\n";
while (fgets(STDIN) !== false) {
}
