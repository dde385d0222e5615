<?php
// The web-app pattern: a producer per request, one 100-byte message, flush.
// Query: id (the message), persistent=1 (rdkafka_rs.persistent), mode=flush|leave|fatal
// (leave: no flush, the request end delivers it; fatal: a fatal error after produce),
// cb=1 (a delivery callback that reports what it saw). Answers JSON, with how long
// flush() waited for the broker (flush_us), which bench/fpm.php reports.
$conf = new RdKafka\Conf();
$conf->set('bootstrap.servers', $_SERVER['KAFKA_BROKERS']);
if (!empty($_GET['persistent'])) {
    $conf->set('rdkafka_rs.persistent', 'web');
}
$id = (string) ($_GET['id'] ?? '0');
$reports = [];
if (!empty($_GET['cb'])) {
    $conf->setDrMsgCb(function ($kafka, $message) use (&$reports) {
        $reports[] = ['err' => $message->err, 'opaque' => $message->opaque];
    });
}
$producer = new RdKafka\Producer($conf);
// Messages an earlier request left on a persistent handle, still on their way.
$inherited_in_flight = $producer->getOutQLen();
$topic = $producer->newTopic($_SERVER['KAFKA_TOPIC']);
$topic->produce(RD_KAFKA_PARTITION_UA, 0, str_pad($id, 100, '.'), null, $id);
$mode = $_GET['mode'] ?? 'flush';
$flushed = null;
$flush_us = null;
if ($mode === 'flush') {
    $flush_started = hrtime(true);
    $flushed = $producer->flush(5000);
    $flush_us = (hrtime(true) - $flush_started) / 1000;
} elseif ($mode === 'fatal') {
    this_function_does_not_exist();
}
echo json_encode([
    'id' => $id,
    'pid' => getmypid(),
    'flushed' => $flushed,
    'flush_us' => $flush_us,
    'inherited_in_flight' => $inherited_in_flight,
    'request_flush_ms' => ini_get('rdkafka_rs.request_flush_ms'),
    'reports' => $reports,
    'stats' => class_exists('RdKafka\Engine') ? RdKafka\Engine::stats() : null,
]);
