<?php
// Produces N messages of S bytes. MODE:
//   poll   - poll(0) after each produce(), then the flush loop (the docs' loop)
//   nopoll - poll() never called until the flush loop; QUEUE_FULL is caught,
//            counted, and answered with poll(1) (php-rdkafka needs that)
//   dr     - like poll, with a dr_msg_cb counting deliveries
//   block  - RD_KAFKA_MSG_F_BLOCK, poll() never called until the end
//   noflush - poll(0) after each produce(), then the script just ends
//   batch  - [rdkafka-rs] ProducerTopic::produceBatch() of BATCH messages (default
//            1,000), poll(0) after each batch, then the flush loop
//   spread - like poll, to partition i % PARTITIONS: fills a topic evenly for the
//            consume rows (the mock keeps at most 100,000 messages per partition,
//            and the sticky partitioner's batches land unevenly)
require __DIR__ . '/common.inc';
$brokers = param('BROKERS', '127.0.0.1:9092');
$topic_name = param('TOPIC', 'bench');
$count = (int) param('N', 1000000);
$size = (int) param('S', 100);
$mode = param('MODE', 'poll');

$conf = producer_for($brokers);
$delivered = 0;
$failed = 0;
if ($mode === 'dr') {
    $conf->setDrMsgCb(function ($producer, $message) use (&$delivered, &$failed) {
        $message->err === RD_KAFKA_RESP_ERR_NO_ERROR ? $delivered++ : $failed++;
    });
}
$producer = new RdKafka\Producer($conf);
$topic = $producer->newTopic($topic_name);
$payload = str_repeat('x', $size);
$flags = $mode === 'block' ? RD_KAFKA_MSG_F_BLOCK : 0;
$poll_each = in_array($mode, ['poll', 'dr', 'noflush', 'spread'], true);
$partitions = (int) param('PARTITIONS', 64);
$queue_full = 0;

$started = clock_start();
if ($mode === 'batch') {
    $batch_size = (int) param('BATCH', 1000);
    $batch = array_fill(0, $batch_size, ['payload' => $payload]);
    for ($i = 0; $i < $count; $i += $batch_size) {
        $chunk = $count - $i >= $batch_size ? $batch : array_slice($batch, 0, $count - $i);
        $topic->produceBatch($chunk, RD_KAFKA_MSG_F_BLOCK);
        $producer->poll(0);
    }
    $count = $i;
}
for ($i = $mode === 'batch' ? $count : 0; $i < $count; $i++) {
    $full_since = null;
    while (true) {
        try {
            $topic->produce($mode === 'spread' ? $i % $partitions : RD_KAFKA_PARTITION_UA, $flags, $payload);
            break;
        } catch (RdKafka\Exception $e) {
            if ($e->getCode() !== RD_KAFKA_RESP_ERR__QUEUE_FULL) {
                throw $e;
            }
            $full_since ??= microtime(true);
            if (microtime(true) - $full_since > 30) {
                fwrite(STDERR, "produce: queue full for 30 s at message $i; is the broker up?\n");
                exit(1);
            }
            $queue_full++;
            $producer->poll(1);
        }
    }
    if ($poll_each) {
        $producer->poll(0);
    }
}
if ($mode === 'noflush') {
    report($mode, $count, (hrtime(true) - $started) / 1e9, $size);
    exit(0);
}
drain($producer);
$seconds = (hrtime(true) - $started) / 1e9;
$extra = ['queue_full_retries' => $queue_full, 'outstanding' => $producer->getOutQLen()];
if ($mode === 'dr') {
    $extra += ['delivered' => $delivered, 'failed' => $failed];
}
report($mode, $count, $seconds, $size, $extra);
