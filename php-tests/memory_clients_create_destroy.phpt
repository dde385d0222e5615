--TEST--
10,000 Producers (and 1,000 KafkaConsumers) created and destroyed in a loop: threads and file descriptors stay as they were, RSS grows by less than 1.5 MiB
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
function open_fds(): int
{
    return count(scandir('/proc/self/fd')) - 2;
}
$topic = unique_name('churn');
[$brokers, $cluster] = test_brokers([$topic => 1]);
for ($i = 0; $i < 10000; $i++) {
    if ($i === 300) {
        [$rss, $threads, $fds] = [proc_status_kib('VmRSS'), proc_status_kib('Threads'), open_fds()];
    }
    $conf = producer_conf($brokers);
    $conf->set('client.id', "churn-$i");
    $producer = new RdKafka\Producer($conf);
    if ($i % 100 === 0) {
        $producer->newTopic($topic)->produce(0, 0, "m$i");
        $producer->flush(5000);
    }
    unset($producer);
    if ($i % 10 === 0) {
        $conf->set('group.id', 'churn');
        $consumer = new RdKafka\KafkaConsumer($conf);
        unset($consumer);
    }
}
// The in-process mock cluster closes its side of the last connections a moment
// after the client is gone; a leak would stay, so give it up to 3 s to settle.
for ($settle = microtime(true) + 3; open_fds() > $fds && microtime(true) < $settle;) {
    usleep(50000);
}
$grown = proc_status_kib('VmRSS') - $rss;
echo "threads: ", proc_status_kib('Threads') - $threads, " more, file descriptors: ", open_fds() - $fds, " more\n";
echo "RSS grew by less than 1.5 MiB: ", $grown < 1536 ? 'yes' : "no ($grown KiB)", "\n";
?>
--EXPECT--
threads: 0 more, file descriptors: 0 more
RSS grew by less than 1.5 MiB: yes
