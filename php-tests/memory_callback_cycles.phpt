--TEST--
Cycles through callbacks are collected: a Producer whose dr_msg_cb captures the Producer, a KafkaConsumer whose rebalance_cb captures it, a Conf whose callback captures a topic, topics and queues that keep their client alive: gc_collect_cycles() frees them all (librdkafka handles included) and threads do not grow
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
function live_clients(): string {
    ob_start();
    (new ReflectionExtension('rdkafka'))->info();
    preg_match('/^live clients => (.*)$/m', ob_get_clean(), $m);
    return $m[1] ?? 'missing';
}
gc_disable(); // collect only when the test says so
$threads = proc_status_kib('Threads');
for ($i = 0; $i < 50; $i++) {
    $conf = new RdKafka\Conf();
    $conf->set('metadata.broker.list', '127.0.0.1:1');
    $conf->set('log_level', '0');
    $conf->setDrMsgCb(function ($kafka, $message) use (&$producer) { $producer->poll(0); });
    $producer = new RdKafka\Producer($conf);
    $topic = $producer->newTopic('cycles');
    $conf->setErrorCb(function () use ($topic) {});          // Conf -> closure -> topic -> Producer

    $consumerConf = new RdKafka\Conf();
    $consumerConf->set('metadata.broker.list', '127.0.0.1:1');
    $consumerConf->set('group.id', 'cycles');
    $consumerConf->set('log_level', '0');
    $consumerConf->setRebalanceCb(function ($kafka, $err, $partitions) use (&$consumer) { $consumer->assign(null); });
    $consumer = new RdKafka\KafkaConsumer($consumerConf);
    $consumerTopic = $consumer->newTopic('cycles');

    $legacyConf = new RdKafka\Conf();
    $legacyConf->set('metadata.broker.list', '127.0.0.1:1');
    $legacyConf->set('log_level', '0');
    $legacyConf->setErrorCb(function () use (&$queue, &$legacyTopic) {});
    $legacy = new RdKafka\Consumer($legacyConf);
    $legacyTopic = $legacy->newTopic('cycles');
    $queue = $legacy->newQueue();
    unset($conf, $producer, $topic, $consumerConf, $consumer, $consumerTopic, $legacyConf, $legacy, $legacyTopic, $queue);
}
echo 'kept alive by cycles: ', live_clients(), "\n";
echo 'collected: ', gc_collect_cycles() >= 100 ? 'yes' : 'no', "\n";
echo 'after gc_collect_cycles(): ', live_clients(), "\n";
echo 'threads back to where they were: ', proc_status_kib('Threads') <= $threads + 1 ? 'yes' : proc_status_kib('Threads') - $threads . ' more', "\n";
?>
--EXPECT--
kept alive by cycles: 50 producer(s), 100 consumer(s)
collected: yes
after gc_collect_cycles(): 0 producer(s), 0 consumer(s)
threads back to where they were: yes
