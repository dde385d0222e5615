--TEST--
Producer::setLogger() (deprecated): RD_KAFKA_LOG_PRINT sends librdkafka's logs to standard error instead of the log_cb; any other value throws
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$child = <<<'PHP'
<?php
$logged = 0;
$conf = new RdKafka\Conf();
$conf->set('log_level', '7');
$conf->set('debug', 'broker');
$conf->setLogCb(function ($kafka, $level, $facility, $message) use (&$logged) { $logged++; });
$producer = new RdKafka\Producer($conf);
$producer->addBrokers('127.0.0.1:1');
$producer->poll(300);
echo "log_cb before setLogger: ", $logged > 0 ? 'called' : 'not called', "\n";
@$producer->setLogger((int) getenv('LOGGER'));
// Serve the lines logged before setLogger(), until none has come for 300 ms
// (a loaded machine can deliver them after a single poll() returned).
while ($producer->poll(300) > 0) {
}
$logged = 0;
$producer->addBrokers('127.0.0.1:2');
$producer->poll(300);
echo "log_cb after setLogger: ", $logged > 0 ? 'called' : 'not called', "\n";
PHP;
[$status, $out, $err] = run_php($child, [], ['LOGGER' => (string) RD_KAFKA_LOG_PRINT]);
echo $out;
echo "standard error has librdkafka's debug lines: ", preg_match('/\|BROKER\|/', $err) ? 'yes' : 'no', "\n";

$quiet = new RdKafka\Conf();
$quiet->set('log_level', '0');
$producer = new RdKafka\Producer($quiet);
foreach ([RD_KAFKA_LOG_PRINT, RD_KAFKA_LOG_SYSLOG_PRINT, 0, 99] as $logger) {
    try {
        @$producer->setLogger($logger);
        echo "$logger accepted\n";
    } catch (RdKafka\Exception $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
$producer->setLogger(RD_KAFKA_LOG_PRINT);
?>
--EXPECTF--
log_cb before setLogger: called
log_cb after setLogger: not called
standard error has librdkafka's debug lines: yes
100 accepted
102 accepted
RdKafka\Exception: Invalid logger 0: use RD_KAFKA_LOG_PRINT, RD_KAFKA_LOG_SYSLOG or RD_KAFKA_LOG_SYSLOG_PRINT
RdKafka\Exception: Invalid logger 99: use RD_KAFKA_LOG_PRINT, RD_KAFKA_LOG_SYSLOG or RD_KAFKA_LOG_SYSLOG_PRINT

Deprecated: Method RdKafka\Producer::setLogger() is deprecated in %s on line %d
