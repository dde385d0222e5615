<?php
// A reference request with no Kafka in it: it waits 100 µs, as a request does
// while flush() waits for the broker. What that costs shows how much of a
// request's time on this machine is waking a sleeping worker.
usleep(100);
echo 'ok';
