// Findings summary: one bar chart per breakdown from the data-charts attribute; a click on a bar opens
// the findings register filtered to it (the same drill-down links as the tables).
document.addEventListener('DOMContentLoaded', function () {
  var holder = document.getElementById('summary-charts');
  if (!holder || typeof echarts === 'undefined') {
    return;
  }
  var charts = JSON.parse(holder.getAttribute('data-charts') || '[]');
  var colours = ['#adb5bd', '#0d6efd', '#dc3545'];
  var rendered = [];
  charts.forEach(function (c) {
    var el = document.getElementById('chart-' + c.id);
    if (!el) {
      return;
    }
    el.style.height = '280px';
    var chart = echarts.init(el);
    var offset = colours.length - c.series.length;
    chart.setOption({
      title: {text: c.title, textStyle: {fontSize: 14}},
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
      legend: {data: c.names, top: 24},
      grid: {left: 8, right: 16, top: 60, bottom: 8, containLabel: true},
      xAxis: {type: 'category', data: c.labels},
      yAxis: {type: 'value', minInterval: 1},
      series: c.series.map(function (values, i) {
        return {name: c.names[i], type: 'bar', stack: 'findings', data: values,
          itemStyle: {color: colours[i + offset]}};
      })
    });
    chart.on('click', function (params) {
      var link = c.links[params.dataIndex];
      if (link) {
        window.location.href = link;
      }
    });
    rendered.push(chart);
  });
  window.addEventListener('resize', function () {
    rendered.forEach(function (chart) {
      chart.resize();
    });
  });
});
