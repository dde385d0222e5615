--TEST--
Producer: when the shutdown flush times out a warning names how many messages were lost; purge() and rdkafka_rs.shutdown_flush_ms=0 keep php-rdkafka's silent behaviour
--INI--
rdkafka_rs.shutdown_flush_ms=200
--FILE--
<?php
function unreachable_producer(): RdKafka\Producer
{
    $conf = new RdKafka\Conf();
    $conf->set('metadata.broker.list', '127.0.0.1:1');
    $conf->set('log_level', '0');
    $conf->setDrMsgCb(function ($producer, $message) {
        echo "dr_msg_cb: ", rd_kafka_err2name($message->err), "\n";
    });
    return new RdKafka\Producer($conf);
}

function produce(RdKafka\Producer $producer, int $count): void
{
    $topic = $producer->newTopic('unreachable');
    for ($i = 0; $i < $count; $i++) {
        $topic->produce(RD_KAFKA_PARTITION_UA, 0, "message $i");
    }
}

echo "-- broker unreachable: the flush gives up after rdkafka_rs.shutdown_flush_ms\n";
$producer = unreachable_producer();
produce($producer, 7);
$started = microtime(true);
unset($producer);
printf("unset took at least 0.2 s: %s, under 3 s: %s\n", var_export(microtime(true) - $started >= 0.19, true), var_export(microtime(true) - $started < 3, true));

echo "-- purge() first: nothing outstanding, no warning\n";
$producer = unreachable_producer();
produce($producer, 3);
$producer->purge(RD_KAFKA_PURGE_F_QUEUE);
$producer->poll(1000);
echo "getOutQLen: ", $producer->getOutQLen(), "\n";
unset($producer);

echo "-- purge() without poll() (php-rdkafka's produce_opaque_purge_dr_callback): purged on purpose, no warning\n";
$producer = unreachable_producer();
produce($producer, 5);
$producer->purge(RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
unset($producer);

echo "-- rdkafka_rs.shutdown_flush_ms=0: no flush, no warning\n";
ini_set('rdkafka_rs.shutdown_flush_ms', '0');
$producer = unreachable_producer();
produce($producer, 4);
$started = microtime(true);
unset($producer);
printf("unset took under 1 s: %s\n", var_export(microtime(true) - $started < 1, true));

echo "-- at the end of the script\n";
ini_set('rdkafka_rs.shutdown_flush_ms', '100');
$producer = unreachable_producer();
produce($producer, 2);
echo "done\n";
?>
--EXPECTF--
-- broker unreachable: the flush gives up after rdkafka_rs.shutdown_flush_ms

Warning: RdKafka\Producer: 7 message(s) could not be delivered within rdkafka_rs.shutdown_flush_ms=200 and are lost; call flush() before the producer goes away, or raise rdkafka_rs.shutdown_flush_ms in %s on line %d
unset took at least 0.2 s: true, under 3 s: true
-- purge() first: nothing outstanding, no warning
dr_msg_cb: _PURGE_QUEUE
dr_msg_cb: _PURGE_QUEUE
dr_msg_cb: _PURGE_QUEUE
getOutQLen: 0
-- purge() without poll() (php-rdkafka's produce_opaque_purge_dr_callback): purged on purpose, no warning
-- rdkafka_rs.shutdown_flush_ms=0: no flush, no warning
unset took under 1 s: true
-- at the end of the script
done

Warning: RdKafka\Producer: 2 message(s) could not be delivered within rdkafka_rs.shutdown_flush_ms=100 and are lost; call flush() before the producer goes away, or raise rdkafka_rs.shutdown_flush_ms in Unknown on line 0
