--TEST--
KafkaConsumer::commit()/commitAsync() with a Message check it as php-rdkafka does: a Message with an error (partition EOF, timeout) or without topic/partition/offset is refused with RdKafka\Exception RD_KAFKA_RESP_ERR__INVALID_ARG and php-rdkafka's text, so committing the EOF message cannot skip the next message produced (before, it committed the end offset + 1); a subclass of RdKafka\Message is accepted
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topicName = unique_name('commitcheck');
[$brokers, $cluster] = test_brokers([$topicName => 1]);
produce_all($brokers, $topicName, ['m0', 'm1']);
$group = unique_name('g');

function reader(string $brokers, string $group, string $topic): RdKafka\KafkaConsumer {
    $conf = consumer_conf($brokers, $group);
    $conf->set('enable.auto.commit', 'false');
    $conf->set('enable.partition.eof', 'true');
    $consumer = new RdKafka\KafkaConsumer($conf);
    $consumer->assign([new RdKafka\TopicPartition($topic, 0, RD_KAFKA_OFFSET_STORED)]);
    return $consumer;
}
function attempt(string $label, callable $call): void {
    try {
        $call();
        echo "$label: committed\n";
    } catch (RdKafka\Exception $e) {
        echo "$label: ", get_class($e), ' ', rd_kafka_err2name($e->getCode()), ' ', $e->getMessage(), "\n";
    }
}
class AppMessage extends RdKafka\Message {}

$first = reader($brokers, $group, $topicName);
$seen = [];
for ($deadline = microtime(true) + 20; microtime(true) < $deadline;) {
    $message = $first->consume(500);
    if ($message->err === RD_KAFKA_RESP_ERR__PARTITION_EOF) {
        $eof = $message;
        break;
    }
    if ($message->err === RD_KAFKA_RESP_ERR_NO_ERROR) {
        $seen[] = $message;
    }
}
echo 'read: ', implode(',', array_map(fn ($m) => $m->payload, $seen)), "; EOF at offset {$eof->offset}\n";

$mine = new AppMessage();
foreach (['err', 'topic_name', 'partition', 'offset'] as $field) {
    $mine->$field = $seen[1]->$field;
}
attempt('commit(subclass of Message)', fn () => $first->commit($mine));
attempt('commit(EOF message)', fn () => $first->commit($eof));
attempt('commitAsync(EOF message)', fn () => $first->commitAsync($eof));
attempt('commit(timed-out consume)', fn () => $first->commit($first->consume(0)));
attempt('commit(new Message)', fn () => $first->commit(new RdKafka\Message()));
$noPartition = new RdKafka\Message();
$noPartition->topic_name = $topicName;
attempt('commit(Message without partition)', fn () => $first->commit($noPartition));
$first->consume(200); // serves a commitAsync() that went out by mistake
$first->close();

// The group resumes after m1: the message produced now is read, not skipped.
produce_all($brokers, $topicName, ['after']);
$second = reader($brokers, $group, $topicName);
$next = null;
for ($deadline = microtime(true) + 20; $next === null && microtime(true) < $deadline;) {
    $message = $second->consume(500);
    if ($message->err === RD_KAFKA_RESP_ERR_NO_ERROR) {
        $next = $message;
    }
}
echo 'the group reads next: ', $next ? "{$next->payload} at {$next->offset}" : 'nothing', "\n";
$second->close();
?>
--EXPECT--
read: m0,m1; EOF at offset 2
commit(subclass of Message): committed
commit(EOF message): RdKafka\Exception _INVALID_ARG Invalid argument: Specified Message has an error
commitAsync(EOF message): RdKafka\Exception _INVALID_ARG Invalid argument: Specified Message has an error
commit(timed-out consume): RdKafka\Exception _INVALID_ARG Invalid argument: Specified Message has an error
commit(new Message): RdKafka\Exception _INVALID_ARG Invalid argument: Specified Message's topic_name is not a string
commit(Message without partition): RdKafka\Exception _INVALID_ARG Invalid argument: Specified Message's partition is not an int
the group reads next: after at 2
