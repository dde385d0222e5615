--TEST--
Logging: without a log_cb, librdkafka's lines go to PHP's error log as "rdkafka: LEVEL|FACILITY|CLIENT| message", filtered by rdkafka_rs.log_level; debug contexts reach it; a log_cb takes them instead; -1 leaves them to librdkafka (stderr); lines a client never polls for are bounded and the drop is reported; the last lines are written when a client goes away
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';

function run_logged(string $body, array $ini = []): array {
    $log = tempnam(sys_get_temp_dir(), 'rdkafka_rs_log');
    $code = '<?php $conf = new RdKafka\Conf(); $conf->set("metadata.broker.list", "127.0.0.1:1"); $conf->set("reconnect.backoff.ms", "50"); ' . $body;
    [$status, $out, $err] = run_php($code, $ini + ['error_log' => $log]);
    $lines = array_values(array_filter(explode("\n", (string) file_get_contents($log)), fn ($line) => str_contains($line, 'rdkafka: ')));
    unlink($log);
    return [$status, $out, $err, $lines];
}

function levels(array $lines): string {
    $levels = array_unique(array_map(fn ($line) => (int) preg_replace('/^.*rdkafka: (\d)\|.*$/', '$1', $line), $lines));
    sort($levels);
    return implode(',', $levels);
}

echo "-- default: connection failures in the error log\n";
[$status, $out, $err, $lines] = run_logged('$p = new RdKafka\Producer($conf); $p->newTopic("t")->produce(0, 0, "x"); for ($i = 0; $i < 20; $i++) { $p->poll(50); } $p->purge(RD_KAFKA_PURGE_F_QUEUE); echo "ok";');
echo $out, "\n";
$refused = array_values(array_filter($lines, fn ($line) => str_contains($line, 'Connection refused')));
echo 'format: ', preg_match('/^\[[^\]]+\] rdkafka: 3\|FAIL\|rdkafka#producer-1\| \[thrd:[^\]]+\]: 127\.0\.0\.1:1\/bootstrap: Connect to ipv4#127\.0\.0\.1:1 failed: Connection refused/', $refused[0] ?? '') ? 'ok' : ($refused[0] ?? 'no line'), "\n";
echo 'nothing on stderr: ', $err === '' ? 'yes' : $err, "\n";

echo "-- rdkafka_rs.log_level=2 keeps errors (3) out\n";
[, , , $lines] = run_logged('$p = new RdKafka\Producer($conf); for ($i = 0; $i < 10; $i++) { $p->poll(50); }', ['rdkafka_rs.log_level' => '2']);
echo 'lines: ', count($lines), "\n";

echo "-- debug contexts\n";
[, , , $lines] = run_logged('$conf->set("debug", "broker"); $p = new RdKafka\Producer($conf); for ($i = 0; $i < 10; $i++) { $p->poll(50); }');
echo 'debug lines (level 7): ', levels($lines) !== '' && str_contains(levels($lines), '7') ? 'yes' : levels($lines), "\n";
[, , , $lines] = run_logged('$conf->set("debug", "broker"); $p = new RdKafka\Producer($conf); for ($i = 0; $i < 10; $i++) { $p->poll(50); }', ['rdkafka_rs.log_level' => '6']);
echo 'with rdkafka_rs.log_level=6, levels seen: ', levels($lines), "\n";

echo "-- a log_cb takes the lines instead\n";
[, $out, , $lines] = run_logged('$n = 0; $conf->setLogCb(function ($kafka, $level, $facility, $message) use (&$n) { $n++; }); $p = new RdKafka\Producer($conf); for ($i = 0; $i < 10; $i++) { $p->poll(50); } echo $n > 0 ? "log_cb called" : "log_cb not called";');
echo $out, ', error log lines: ', count($lines), "\n";

echo "-- rdkafka_rs.log_level=-1: librdkafka prints to stderr itself\n";
[, , $err, $lines] = run_logged('$p = new RdKafka\Producer($conf); usleep(500000);', ['rdkafka_rs.log_level' => '-1']);
echo 'stderr has librdkafka lines: ', preg_match('/^%3\|\d+\.\d+\|FAIL\|rdkafka#producer-1\|/m', $err) ? 'yes' : $err, ', error log lines: ', count($lines), "\n";

echo "-- a client nobody polls keeps at most 1000 lines and says how many it dropped\n";
[, $out, , $lines] = run_logged('$conf->set("debug", "all"); $conf->set("metadata.broker.list", ""); $c = new RdKafka\Consumer($conf); $t = $c->newTopic("t"); for ($i = 0; $i < 450; $i++) { $c->addBrokers("127.0.0.1:" . (20000 + $i)); } usleep(300000); $c->poll(0); echo "polled";');
$drops = array_values(array_filter($lines, fn ($line) => str_contains($line, '|LOGDROP|')));
echo $out, ', drop reported: ', preg_match('/rdkafka: 4\|LOGDROP\|rdkafka#consumer-1\| \d+ log line\(s\) dropped: more than 1000 waited/', $drops[0] ?? '') ? 'yes' : 'no', ', lines kept before it at most 1000: ', count($lines) <= 1000 + count($drops) + 1000 ? 'yes' : count($lines), "\n";

echo "-- lines not yet served are written when the client goes away\n";
// A property of the other client type makes librdkafka warn (CONFWARN) in the constructor.
foreach (['RdKafka\Producer' => 'fetch.wait.max.ms', 'RdKafka\Consumer' => 'linger.ms', 'RdKafka\KafkaConsumer' => 'linger.ms'] as $class => $property) {
    [, , , $lines] = run_logged('$conf->set("' . $property . '", "10"); $conf->set("group.id", "g"); $c = new ' . $class . '($conf); unset($c); echo "unset";');
    echo $class, ': ', array_filter($lines, fn ($line) => str_contains($line, '|CONFWARN|') && str_contains($line, 'will be ignored')) ? 'written' : 'missing', "\n";
}
?>
--EXPECT--
-- default: connection failures in the error log
ok
format: ok
nothing on stderr: yes
-- rdkafka_rs.log_level=2 keeps errors (3) out
lines: 0
-- debug contexts
debug lines (level 7): yes
with rdkafka_rs.log_level=6, levels seen: 3
-- a log_cb takes the lines instead
log_cb called, error log lines: 0
-- rdkafka_rs.log_level=-1: librdkafka prints to stderr itself
stderr has librdkafka lines: yes, error log lines: 0
-- a client nobody polls keeps at most 1000 lines and says how many it dropped
polled, drop reported: yes, lines kept before it at most 1000: yes
-- lines not yet served are written when the client goes away
RdKafka\Producer: written
RdKafka\Consumer: written
RdKafka\KafkaConsumer: written
