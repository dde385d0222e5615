--TEST--
Producer: a dr_msg_cb that calls produce() while the in-flight bound is full is not entered again from inside that produce(); the reports that arrive meanwhile wait, and every report reaches the callback once, in order
--SKIPIF--
<?php if (getenv('TEST_KAFKA_BROKERS')) die('skip slows the mock cluster\'s answers (setRtt)'); ?>
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topic_name = unique_name('drreenter');
[$brokers, $cluster] = test_brokers([$topic_name => 2]);
$conf = producer_conf($brokers);
$conf->set('queue.buffering.max.messages', '10');
$conf->set('linger.ms', '0');
$depth = 0;
$deepest = 0;
$seen = [];
$answers = [];
$conf->setDrMsgCb(function (RdKafka\Producer $producer, RdKafka\Message $message) use ($cluster, $topic_name, &$depth, &$deepest, &$seen, &$answers) {
    $depth++;
    $deepest = max($deepest, $depth);
    $seen[] = $message->payload;
    if ($message->payload === 'a0') {
        // The mock now answers after 200 ms: the second partition's reports arrive
        // while this callback still runs.
        $cluster->setRtt(1, 200);
        // A topic of its own, not the script's: a closure that held the script's
        // topic would make a cycle (topic -> producer -> callback -> topic).
        $topic = $producer->newTopic($topic_name);
        for ($i = 0; $i < 4; $i++) {
            $topic->produce(1, 0, "b$i");
        }
        // Keeps producing for 600 ms, a busy script to the engine thread (which then
        // leaves the queue to it): the first message takes the last place in the
        // bound (this report holds its place until the callback returns), the next
        // ones find it full, also once the second partition's
        // reports have arrived (they wait for this callback to end).
        $until = microtime(true) + 0.6;
        $late = 0;
        while (microtime(true) < $until) {
            try {
                $topic->produce(1, 0, "late$late");
                $late++;
                $answers['produced'] = true;
            } catch (RdKafka\Exception $e) {
                $answers[$e->getCode() === RD_KAFKA_RESP_ERR__QUEUE_FULL ? 'QUEUE_FULL' : $e->getMessage()] = true;
                usleep(1000);
            }
        }
    }
    $depth--;
});
$producer = new RdKafka\Producer($conf);
$topic = $producer->newTopic($topic_name);
for ($i = 0; $i < 5; $i++) {
    $topic->produce(0, 0, "a$i");
}
$deadline = microtime(true) + 10;
while ((count($seen) < 10 || $producer->getOutQLen() > 0) && microtime(true) < $deadline) {
    $producer->poll(100);
}
echo "callback entered again from inside produce(): ", var_export($deepest > 1, true), "\n";
echo "produce() in the callback: ", implode(', ', array_keys($answers)), "\n";
$expected = ['a0', 'a1', 'a2', 'a3', 'a4', 'b0', 'b1', 'b2', 'b3', 'late0'];
echo "reports once each, in order: ", var_export($seen === $expected, true), "\n";
echo "getOutQLen: ", $producer->getOutQLen(), "\n";
?>
--EXPECT--
callback entered again from inside produce(): false
produce() in the callback: produced, QUEUE_FULL
reports once each, in order: true
getOutQLen: 0
