<?php
// The producer example from the php-rdkafka documentation, unchanged except
// that the broker address may come from KAFKA_BROKERS.

$brokers = getenv('KAFKA_BROKERS') ?: '10.0.0.1:9092';

$rk = new RdKafka\Producer();
$rk->setLogLevel(LOG_DEBUG);
$rk->addBrokers($brokers);

$topic = $rk->newTopic("test");

for ($i = 0; $i < 10; $i++) {
    $topic->produce(RD_KAFKA_PARTITION_UA, 0, "Message $i");
    $rk->poll(0);
}

while ($rk->getOutQLen() > 0) {
    $rk->poll(50);
}
