--TEST--
Drop-in for framework packages: a producer service and a consumer worker written the way Composer packages use php-rdkafka (injected Producer, JSON events with headers, handler callback, manual commits, graceful stop) pass their PHPUnit suite (Debian's phpunit), including PHPUnit mocks of RdKafka\Producer and RdKafka\ProducerTopic
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$phpunit = '/usr/bin/phpunit';
if (!is_file($phpunit)) {
    echo "phpunit is missing: apt-get install phpunit (scripts/install-deps.sh does)\n";
}
// PHPUnit needs these shared extensions; -n (no php.ini) keeps a system-wide rdkafka out.
$command = php_command();
foreach (['dom', 'xml', 'xmlwriter', 'mbstring', 'tokenizer'] as $extension) {
    if (!extension_loaded($extension)) {
        array_splice($command, 1, 0, ['-d', "extension=$extension"]);
    }
}
$process = proc_open(array_merge($command, [$phpunit, '-c', __DIR__ . '/framework/phpunit.xml']), [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
$out = stream_get_contents($pipes[1]);
$err = stream_get_contents($pipes[2]);
$status = proc_close($process);
if (preg_match('/^OK \((\d+) tests, (\d+) assertions\)$/m', $out, $m)) {
    echo "phpunit: OK, $m[1] tests, more than 15 assertions: ", $m[2] > 15 ? 'yes' : "no ($m[2])", "\n";
} else {
    echo "phpunit failed (exit $status):\n$out\n$err\n";
}
echo "exit status: $status\n";
?>
--EXPECT--
phpunit: OK, 5 tests, more than 15 assertions: yes
exit status: 0
