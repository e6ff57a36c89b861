"""The /data/ page: what each open-data file holds."""

from __future__ import annotations

from congress.render.environment import Rendered, render
from congress.render.urls import relative

_ABOUT = {
    "deputies.json": ("JSON", "全部代表（含已离任）及其历届任职、进驻的联络站"),
    "deputies.csv": ("CSV", "全部代表，每人一行"),
    "stations.json": ("JSON", "全部联络站，含地址、接待时间、坐标和驻站代表"),
    "stations.csv": ("CSV", "全部联络站，每站一行"),
    "stations.geojson": ("GeoJSON", "联络站位置（WGS-84 坐标），可导入地理信息软件"),
}


def open_data_page(paths: list[str], site_name: str) -> Rendered:
    url = "data/"
    files = []
    for path in paths:
        name = path.rsplit("/", 1)[-1]
        fmt, about = _ABOUT.get(name, ("", ""))
        files.append({"name": name, "href": relative(url, path), "format": fmt, "about": about})
    return Rendered(
        url,
        "公开数据",
        render("open_data.html", files=files, site_name=site_name),
        "代表名单和联络站名录的开放数据下载",
    )
