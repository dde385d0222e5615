--TEST--
Producer: every delivery report reaches dr_msg_cb exactly once and in order, also when the callback throws midway and polling resumes
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topic_name = unique_name('drorder');
[$brokers, $cluster] = test_brokers([$topic_name => 1]);
$conf = producer_conf($brokers);
// One batch: all 200 reports arrive together, so the exception interrupts a batch.
$conf->set('linger.ms', '200');
$seen = [];
$conf->setDrMsgCb(function (RdKafka\Producer $producer, RdKafka\Message $message) use (&$seen) {
    $seen[] = $message->payload;
    if (count($seen) === 50 || count($seen) === 51) {
        throw new RuntimeException("callback failed at report " . count($seen));
    }
});
$producer = new RdKafka\Producer($conf);
$topic = $producer->newTopic($topic_name);
for ($i = 0; $i < 200; $i++) {
    $topic->produce(0, 0, "m$i", null, "opaque $i");
}
$deadline = microtime(true) + 10;
while ($producer->getOutQLen() > 0 && microtime(true) < $deadline) {
    try {
        $producer->poll(100);
    } catch (RuntimeException $e) {
        echo $e->getMessage(), "; reports seen so far: ", count($seen), "\n";
    }
}
echo "reports: ", count($seen), ", distinct: ", count(array_unique($seen)), "\n";
echo "in produce order: ", var_export($seen === array_map(fn ($i) => "m$i", range(0, 199)), true), "\n";
echo "getOutQLen: ", $producer->getOutQLen(), "\n";
?>
--EXPECT--
callback failed at report 50; reports seen so far: 50
callback failed at report 51; reports seen so far: 51
reports: 200, distinct: 200
in produce order: true
getOutQLen: 0
