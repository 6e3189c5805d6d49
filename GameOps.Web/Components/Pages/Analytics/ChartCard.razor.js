// MudChart 9 reports only the clicked SERIES (SelectedIndexChanged), not the point. This maps a click on a point, a line
// or a bar to the point under it: the x-axis label nearest to the click, in the chart's SVG coordinates.
export function listen(card, dotNet) {
    const onClick = event => {
        const mark = event.target.closest?.("circle.mud-chart-serie, path.mud-chart-bar, path.mud-chart-serie");
        const svg = mark?.ownerSVGElement;
        if (!svg || !card.contains(svg)) return;
        const labels = [...svg.querySelectorAll("g.mud-charts-xaxis text")].map(t => parseFloat(t.getAttribute("x")));
        const matrix = svg.getScreenCTM();
        if (labels.length === 0 || !matrix) return;
        const x = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse()).x;
        let nearest = 0;
        labels.forEach((labelX, i) => { if (Math.abs(labelX - x) < Math.abs(labels[nearest] - x)) nearest = i; });
        dotNet.invokeMethodAsync("DrillAtAsync", nearest);
    };
    card.addEventListener("click", onClick);
    return { dispose: () => card.removeEventListener("click", onClick) };
}

// "Download as PNG": the chart's SVG with its computed colours inlined (MudChart styles it with CSS classes), drawn on a
// canvas at twice the size under the title, with the legend (HTML) drawn below. Uses only data: URLs (allowed by the CSP).
export async function downloadPng(card, fileName, title) {
    const svg = card.querySelector(".chart-plot svg");
    if (!svg) return;
    const clone = svg.cloneNode(true);
    const source = [svg, ...svg.querySelectorAll("*")];
    const copies = [clone, ...clone.querySelectorAll("*")];
    source.forEach((element, i) => {
        const style = getComputedStyle(element);
        const copy = copies[i];
        for (const name of ["fill", "stroke", "stroke-width", "stroke-opacity", "fill-opacity", "opacity", "font-size", "font-family", "font-weight", "text-anchor", "dominant-baseline", "visibility", "display"])
            copy.style.setProperty(name, style.getPropertyValue(name));
    });
    const box = svg.getBoundingClientRect();
    clone.setAttribute("width", box.width);
    clone.setAttribute("height", box.height);
    clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
    const url = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(new XMLSerializer().serializeToString(clone));
    const image = new Image();
    await new Promise((resolve, reject) => { image.onload = resolve; image.onerror = reject; image.src = url; });

    const legend = [...card.querySelectorAll(".mud-chart-legend-item")].map(item => ({
        text: item.textContent.trim(),
        colour: getComputedStyle(item.querySelector(".mud-chart-legend-marker") ?? item).backgroundColor,
    }));
    const scale = 2, titleHeight = 36, legendHeight = legend.length ? 28 : 0;
    const canvas = document.createElement("canvas");
    canvas.width = box.width * scale;
    canvas.height = (box.height + titleHeight + legendHeight) * scale;
    const context = canvas.getContext("2d");
    context.scale(scale, scale);
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, box.width, box.height + titleHeight + legendHeight);
    context.fillStyle = "#212121";
    context.font = "600 15px Roboto, Arial, sans-serif";
    context.fillText(title, 8, 22);
    context.drawImage(image, 0, titleHeight, box.width, box.height);
    let x = 8;
    context.font = "13px Roboto, Arial, sans-serif";
    for (const entry of legend) {
        context.fillStyle = entry.colour;
        context.fillRect(x, box.height + titleHeight + 8, 12, 12);
        context.fillStyle = "#212121";
        context.fillText(entry.text, x + 16, box.height + titleHeight + 19);
        x += 28 + context.measureText(entry.text).width;
    }
    const link = document.createElement("a");
    link.href = canvas.toDataURL("image/png");
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
}
