--TEST--
Producer: scripts that end, exit(), die of a fatal error or an uncaught exception without flush() still deliver everything
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topic_name = unique_name('exit');
[$brokers, $cluster] = test_brokers([$topic_name => 2]);

$endings = [
    'end of script' => '',
    'exit()' => 'exit(3);',
    'fatal error' => 'undefined_function();',
    'uncaught exception' => 'throw new LogicException("boom");',
    'producer in a cycle' => '$holder = new stdClass; $holder->self = $holder; $holder->producer = $producer; unset($producer, $topic);',
];
foreach ($endings as $label => $ending) {
    $code = sprintf(<<<'PHP'
<?php
$conf = new RdKafka\Conf();
$conf->set('metadata.broker.list', %s);
$conf->set('linger.ms', '10000');
$producer = new RdKafka\Producer($conf);
$topic = $producer->newTopic(%s);
for ($i = 0; $i < 2000; $i++) {
    $topic->produce(RD_KAFKA_PARTITION_UA, 0, "message $i", %s);
}
fwrite(STDERR, "outstanding: " . $producer->getOutQLen() . "\n");
%s
PHP, var_export($brokers, true), var_export($topic_name, true), var_export($label, true), $ending);
    [$status, $out, $err] = run_php($code);
    printf("%s: exit %d, %s, warning: %s\n", $label, $status, trim($err), str_contains($out . $err, 'Warning') ? $out : 'none');
}
print_r(count_by_key($brokers, $topic_name, 2, 2000 * count($endings)));
?>
--EXPECT--
end of script: exit 0, outstanding: 2000, warning: none
exit(): exit 3, outstanding: 2000, warning: none
fatal error: exit 255, outstanding: 2000, warning: none
uncaught exception: exit 255, outstanding: 2000, warning: none
producer in a cycle: exit 0, outstanding: 2000, warning: none
Array
(
    [end of script] => 2000
    [exit()] => 2000
    [fatal error] => 2000
    [producer in a cycle] => 2000
    [uncaught exception] => 2000
)
