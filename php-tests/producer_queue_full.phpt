--TEST--
Producer: past the in-flight bound produce() throws QUEUE_FULL naming the limit (messages or kbytes; INI defaults)
--INI--
rdkafka_rs.shutdown_flush_ms=0
--FILE--
<?php
function unreachable_producer(array $settings): RdKafka\Producer
{
    $conf = new RdKafka\Conf();
    $conf->set('metadata.broker.list', '127.0.0.1:1');
    $conf->set('log_level', '0');
    foreach ($settings as $name => $value) {
        $conf->set($name, $value);
    }
    return new RdKafka\Producer($conf);
}

function produce_until_full(RdKafka\ProducerTopic $topic, string $payload, int $attempts): void
{
    for ($i = 0; $i < $attempts; $i++) {
        try {
            $topic->produce(RD_KAFKA_PARTITION_UA, 0, $payload);
        } catch (RdKafka\Exception $e) {
            printf("message %d: code %d (QUEUE_FULL: %s)\n", $i, $e->getCode(), var_export($e->getCode() === RD_KAFKA_RESP_ERR__QUEUE_FULL, true));
            echo $e->getMessage(), "\n";
            return;
        }
    }
    echo "no exception in $attempts messages\n";
}

$producer = unreachable_producer(['queue.buffering.max.messages' => '10']);
$topic = $producer->newTopic('bounded');
produce_until_full($topic, 'x', 20);
echo "getOutQLen: ", $producer->getOutQLen(), "\n";
produce_until_full($topic, 'x', 1);

echo "-- kbytes\n";
$producer = unreachable_producer(['queue.buffering.max.kbytes' => '4']);
produce_until_full($producer->newTopic('bounded'), str_repeat('b', 1000), 20);

echo "-- a message larger than the byte bound fails at once, even with RD_KAFKA_MSG_F_BLOCK\n";
$producer = unreachable_producer(['queue.buffering.max.kbytes' => '1']);
try {
    $producer->newTopic('bounded')->produce(RD_KAFKA_PARTITION_UA, RD_KAFKA_MSG_F_BLOCK, str_repeat('c', 5000));
} catch (RdKafka\Exception $e) {
    echo $e->getCode(), ' ', $e->getMessage(), "\n";
}
echo "queued: ", $producer->getOutQLen(), "\n";

echo "-- defaults come from the rdkafka_rs.* INI settings\n";
ini_set('rdkafka_rs.producer_max_messages', '3');
$producer = unreachable_producer([]);
produce_until_full($producer->newTopic('bounded'), 'x', 10);
?>
--EXPECT--
message 10: code -184 (QUEUE_FULL: true)
Local: Queue full (queue.buffering.max.messages=10 reached by messages not yet reported): serve delivery reports with poll(), pass RD_KAFKA_MSG_F_BLOCK to wait for room, or raise queue.buffering.max.messages
getOutQLen: 10
message 0: code -184 (QUEUE_FULL: true)
Local: Queue full (queue.buffering.max.messages=10 reached by messages not yet reported): serve delivery reports with poll(), pass RD_KAFKA_MSG_F_BLOCK to wait for room, or raise queue.buffering.max.messages
-- kbytes
message 4: code -184 (QUEUE_FULL: true)
Local: Queue full (queue.buffering.max.kbytes=4 reached by messages not yet reported): serve delivery reports with poll(), pass RD_KAFKA_MSG_F_BLOCK to wait for room, or raise queue.buffering.max.kbytes
-- a message larger than the byte bound fails at once, even with RD_KAFKA_MSG_F_BLOCK
-184 Local: Queue full (a message of 5000 bytes is larger than queue.buffering.max.kbytes=1): raise queue.buffering.max.kbytes
queued: 0
-- defaults come from the rdkafka_rs.* INI settings
message 3: code -184 (QUEUE_FULL: true)
Local: Queue full (queue.buffering.max.messages=3 reached by messages not yet reported): serve delivery reports with poll(), pass RD_KAFKA_MSG_F_BLOCK to wait for room, or raise queue.buffering.max.messages
